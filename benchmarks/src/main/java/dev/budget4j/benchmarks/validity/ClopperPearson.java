package dev.budget4j.benchmarks.validity;

/**
 * The exact (Clopper–Pearson) confidence interval of a binomial rate: the set of rates {@code p}
 * under which seeing {@code k} or more (for the lower end) or {@code k} or fewer (for the upper
 * end) of {@code n} has probability at least {@code (1 - level) / 2}. Found by bisection on the
 * binomial distribution function, which is monotone in {@code p}.
 */
final class ClopperPearson {
    private ClopperPearson() {
    }

    /**
     * The interval.
     *
     * @param k successes, in [0, n]
     * @param n trials, {@code >= 1}
     * @param level the confidence level, in (0, 1), e.g. 0.95
     * @return {@code {low, high}}, both in [0, 1]
     * @throws IllegalArgumentException naming the bad argument
     */
    static double[] interval(int k, int n, double level) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, but was " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, " + n + "], but was " + k);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), but was " + level);
        }
        double tail = (1 - level) / 2;
        // P(X >= k | p) grows with p: the lower end is where it reaches the tail.
        double low = k == 0 ? 0 : bisect(p -> 1 - cdf(k - 1, n, p) - tail);
        // P(X <= k | p) falls with p: the upper end is where it falls to the tail.
        double high = k == n ? 1 : bisect(p -> tail - cdf(k, n, p));
        return new double[] {low, high};
    }

    /** P(X <= k) for X ~ Binomial(n, p), summed in log space. */
    static double cdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n || p <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChoose = 0; // log C(n, 0)
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            sum += Math.exp(logChoose + i * logP + (n - i) * logQ);
        }
        return Math.min(1, sum);
    }

    /** The root in [0, 1] of a function that is negative at 0 and positive at 1 (increasing). */
    private static double bisect(java.util.function.DoubleUnaryOperator f) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
