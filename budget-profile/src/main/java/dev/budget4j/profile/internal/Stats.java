package dev.budget4j.profile.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small statistics used by the harness and the gate. Arrays are never modified. */
public final class Stats {
    private Stats() {
    }

    /** The median (mean of the two middle values for an even count); NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n & 1) == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The arithmetic mean; NaN when empty. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n - 1); 0 for one value, NaN when empty. */
    public static double stddev(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return 0;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** The smallest value; NaN when empty. */
    public static double min(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).min().getAsDouble();
    }

    /** The largest value; NaN when empty. */
    public static double max(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsDouble();
    }

    /**
     * A percentile bootstrap confidence interval of {@code median(current) / median(baseline)}:
     * both samples are resampled with replacement {@code resamples} times.
     *
     * @return {low, high}; NaN when a sample is empty or a baseline median is 0
     */
    public static double[] bootstrapRatioOfMedians(double[] baseline, double[] current, double confidence,
            int resamples, long seed) {
        if (baseline.length == 0 || current.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] b = new double[baseline.length];
        double[] c = new double[current.length];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < b.length; i++) {
                b[i] = baseline[random.nextInt(baseline.length)];
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = current[random.nextInt(current.length)];
            }
            double mb = median(b);
            double mc = median(c);
            if (mb == 0) {
                if (mc == 0) {
                    ratios[kept++] = 1;
                }
                continue;
            }
            ratios[kept++] = mc / mb;
        }
        if (kept == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = Arrays.copyOf(ratios, kept);
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new double[] {quantile(sorted, alpha), quantile(sorted, 1 - alpha)};
    }

    /** Linear-interpolated quantile of a sorted array, q in [0, 1]. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    /**
     * Least squares fit of {@code y = a + b x}.
     *
     * @return {a, b, r2}; r2 is 1 when every y is equal and fitted exactly
     */
    public static double[] linearFit(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double ssRes = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - (a + b * x[i]);
            ssRes += e * e;
        }
        double r2 = syy == 0 ? 1 : 1 - ssRes / syy;
        return new double[] {a, b, r2};
    }
}
