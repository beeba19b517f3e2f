package dev.budget4j.kernel.internal;

/** Stable log-sum-exp: shift by the maximum, sum in double. */
public final class LogSumExp {
    private LogSumExp() {
    }

    /**
     * {@code log(sum(exp(v)))}.
     *
     * @param values values, not null
     * @return the result; {@code -Infinity} for an empty array, NaN if any value is NaN
     */
    public static double of(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v != v) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        if (max == Float.NEGATIVE_INFINITY || max == Float.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (float v : values) {
            sum += Math.exp((double) v - max);
        }
        return max + Math.log(sum);
    }
}
