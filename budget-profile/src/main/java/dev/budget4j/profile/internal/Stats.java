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

    /**
     * One value per fork: the median of each fork's finite per-round values; forks without any
     * finite value are left out.
     */
    public static double[] forkMedians(double[][] forks) {
        return Arrays.stream(forks).map(Stats::finite).filter(f -> f.length > 0).mapToDouble(Stats::median).toArray();
    }

    /** The finite values, in order. */
    public static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** The geometric mean of positive values; NaN when empty or any value is not positive. */
    public static double geometricMean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            if (!(v > 0)) {
                return Double.NaN;
            }
            sum += Math.log(v);
        }
        return Math.exp(sum / values.length);
    }

    /**
     * A Student t confidence interval of the ratio of geometric means {@code current / baseline}
     * from one value per fork on each side, computed on logarithms (so a ratio and its inverse get
     * mirrored intervals). The between-fork variance is pooled over both sides
     * ({@code nb + nc - 2} degrees of freedom): JVM-to-JVM spread is a property of the machine and
     * the code's kind, and a stored baseline often has few forks, whose own variance (Welch) would
     * leave one or two degrees of freedom and an interval as wide as the data allow.
     *
     * @return {ratio, low, high}; NaN when a value is not positive or there are fewer than three forks in all
     */
    public static double[] unpairedLogRatio(double[] baseline, double[] current, double confidence) {
        int nb = baseline.length;
        int nc = current.length;
        if (nb == 0 || nc == 0 || nb + nc < 3 || !allPositive(baseline) || !allPositive(current)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] lb = logs(baseline);
        double[] lc = logs(current);
        double diff = mean(lc) - mean(lb);
        double df = nb + nc - 2;
        double se = Math.sqrt((sumOfSquares(lb) + sumOfSquares(lc)) / df * (1.0 / nb + 1.0 / nc));
        double t = studentTQuantile(1 - (1 - confidence) / 2, df);
        return new double[] {Math.exp(diff), Math.exp(diff - t * se), Math.exp(diff + t * se)};
    }

    /**
     * A Student t confidence interval of the geometric mean of paired ratios
     * {@code current[i] / baseline[i]}, on logarithms, {@code n - 1} degrees of freedom.
     *
     * @return {ratio, low, high}; NaN when the lengths differ, there are fewer than two pairs or a value is not positive
     */
    public static double[] pairedLogRatio(double[] baseline, double[] current, double confidence) {
        int n = baseline.length;
        if (n != current.length || n < 2 || !allPositive(baseline) || !allPositive(current)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(current[i]) - Math.log(baseline[i]);
        }
        return meanLogInterval(d, confidence);
    }

    /**
     * A Student t confidence interval of {@code exp(mean(d))}, {@code n - 1} degrees of freedom:
     * the geometric mean ratio of pairs whose log ratios are {@code d}.
     *
     * @return {ratio, low, high}; NaN when there are fewer than two values or one is not finite
     */
    public static double[] meanLogInterval(double[] d, double confidence) {
        int n = d.length;
        for (double x : d) {
            if (!Double.isFinite(x)) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
        }
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double m = mean(d);
        double se = Math.sqrt(variance(d) / n);
        double t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
        return new double[] {Math.exp(m), Math.exp(m - t * se), Math.exp(m + t * se)};
    }

    /**
     * The log ratio of one duet pair whose halves ran round {@code r} at the same moment and
     * traded CPUs every round: {@code (median over even r + median over odd r) / 2} of
     * {@code log(current[r] / baseline[r])}. Each parity is one assignment of the halves to the
     * CPUs, so a speed difference between the CPUs enters the two medians with opposite signs and
     * cancels in their mean; the medians keep a round hit by a pause from moving the estimate.
     *
     * @return the log ratio; NaN when the halves have different round counts, or a parity has no
     *     round where both values are positive and finite
     */
    public static double alternatingLogRatio(double[] baseline, double[] current) {
        if (baseline.length != current.length || baseline.length == 0) {
            return Double.NaN;
        }
        if (baseline.length == 1) {
            return baseline[0] > 0 && current[0] > 0 && Double.isFinite(baseline[0]) && Double.isFinite(current[0])
                    ? Math.log(current[0]) - Math.log(baseline[0]) : Double.NaN;
        }
        double[] half = new double[2];
        for (int parity = 0; parity < 2; parity++) {
            double[] d = new double[(baseline.length - parity + 1) / 2];
            int k = 0;
            for (int r = parity; r < baseline.length; r += 2) {
                double b = baseline[r];
                double c = current[r];
                if (b > 0 && c > 0 && Double.isFinite(b) && Double.isFinite(c)) {
                    d[k++] = Math.log(c) - Math.log(b);
                }
            }
            if (k == 0) {
                return Double.NaN;
            }
            half[parity] = median(Arrays.copyOf(d, k));
        }
        return (half[0] + half[1]) / 2;
    }

    private static boolean allPositive(double[] v) {
        for (double x : v) {
            if (!(x > 0) || Double.isInfinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double sumOfSquares(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return ss;
    }

    /** The sample variance (n - 1); 0 for one value. */
    public static double variance(double[] v) {
        return v.length < 2 ? 0 : sumOfSquares(v) / (v.length - 1);
    }

    /**
     * The quantile of Student's t distribution.
     *
     * @param p in (0, 1)
     * @param df degrees of freedom, {@code > 0} (need not be whole: Welch's approximation)
     * @return t such that P(T &lt;= t) = p
     */
    public static double studentTQuantile(double p, double df) {
        if (!(p > 0 && p < 1) || !(df > 0)) {
            throw new IllegalArgumentException("p must be in (0, 1) and df > 0, but were " + p + " and " + df);
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -studentTQuantile(1 - p, df);
        }
        double lo = 0;
        double hi = 1;
        while (studentTCdf(hi, df) < p) {
            hi *= 2;
            if (hi > 1e12) {
                return hi;
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (studentTCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(T &lt;= t) for Student's t with {@code df} degrees of freedom. */
    public static double studentTCdf(double t, double df) {
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
        double tiny = 1e-300;
        double f = 1;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
        f = d;
        for (int m = 1; m <= 500; m++) {
            double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            f *= c * d;
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return front * f;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
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
