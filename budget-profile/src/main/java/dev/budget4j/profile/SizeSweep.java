package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Runs a stage over growing input sizes and fits its complexity exponent: the slope {@code k} of
 * {@code log(median latency) = a + k log(size)} by least squares, with R². A budget on the
 * exponent ({@code k <= 1.1}) catches an accidental O(n²) that a fixed-size benchmark misses.
 *
 * <p>Latency per size is the median across rounds of the per-round median (p50). Fixed per-call
 * costs flatten the curve at small sizes, so sweep sizes where the work dominates.
 */
public final class SizeSweep {
    private SizeSweep() {
    }

    /**
     * One size of a sweep.
     *
     * @param size the input size
     * @param medianNanos the median-of-medians latency, nanoseconds
     * @param result the full harness result
     */
    public record Point(int size, double medianNanos, HarnessResult result) {
    }

    /**
     * The fitted curve.
     *
     * @param points one point per size, in the order given
     * @param exponent the fitted slope {@code k} (1 ≈ linear, 2 ≈ quadratic)
     * @param intercept the fitted {@code a}, natural log of nanoseconds
     * @param r2 goodness of fit in (-inf, 1]; near 1 means a clean power law
     */
    public record Result(List<Point> points, double exponent, double intercept, double r2) {

        /**
         * Copies the list.
         *
         * @param points see the record description
         * @param exponent see the record description
         * @param intercept see the record description
         * @param r2 see the record description
         */
        public Result {
            points = List.copyOf(points);
        }

        /**
         * Checks the fitted complexity exponent against a budget.
         *
         * @param maxExponent the budget, finite and &gt; 0
         * @return whether the fitted exponent is at most the budget
         */
        public boolean exponentWithin(double maxExponent) {
            Require.positive(maxExponent, "maxExponent");
            return exponent <= maxExponent;
        }

        /**
         * Fails when the fitted complexity exponent is above a budget.
         *
         * @param maxExponent the budget, finite and &gt; 0
         * @throws AssertionError with the table when the exponent is above the budget
         */
        public void assertExponentAtMost(double maxExponent) {
            if (!exponentWithin(maxExponent)) {
                throw new AssertionError(String.format(Locale.ROOT, "complexity exponent must be <= %.2f, but was %.3f (R² %.3f)%n%s",
                        maxExponent, exponent, r2, toTable()));
            }
        }

        /** {@return one row per size, and the fit} */
        public String toTable() {
            StringBuilder out = new StringBuilder("size  median\n");
            for (Point p : points) {
                out.append(p.size()).append("  ").append(dev.budget4j.profile.internal.Units.nanos(p.medianNanos())).append('\n');
            }
            return out.append(String.format(Locale.ROOT, "exponent %.3f, R² %.3f%n", exponent, r2)).toString();
        }
    }

    /**
     * Sweeps sizes.
     *
     * @param harness the harness, not null
     * @param sizes at least three distinct sizes, each {@code >= 1}
     * @param stages makes the stage for a size (often the same stage for all), not null
     * @param inputs makes an input of a size from the seeded random source, not null
     * @param <I> the input type
     * @return the points and the fit
     * @throws IllegalArgumentException for fewer than three distinct sizes or a size below 1
     */
    public static <I> Result run(Harness harness, List<Integer> sizes, IntFunction<? extends Stage<I, ?>> stages,
            BiFunction<Integer, SplittableRandom, ? extends I> inputs) {
        Require.notNull(harness, "harness");
        validateSizes(sizes);
        Require.notNull(stages, "stages");
        Require.notNull(inputs, "inputs");
        List<Point> points = new ArrayList<>();
        for (int size : sizes) {
            Stage<I, ?> stage = Require.notNull(stages.apply(size), "stages.apply(" + size + ")");
            HarnessResult r = harness.run(stage, random -> inputs.apply(size, random));
            points.add(new Point(size, r.summary(Dimension.percentile(50)).median(), r));
        }
        return fit(points);
    }

    static void validateSizes(List<Integer> sizes) {
        Require.notNull(sizes, "sizes");
        for (Integer s : sizes) {
            Require.notNull(s, "size");
            Require.that(s >= 1, "size", "must be >= 1", s);
        }
        long distinct = sizes.stream().distinct().count();
        Require.that(distinct >= 3, "sizes", "must hold at least three distinct sizes to fit an exponent", sizes);
    }

    /**
     * Fits an exponent to measured points.
     *
     * @param points at least three points with distinct sizes and latencies &gt; 0
     * @return the fit
     */
    public static Result fit(List<Point> points) {
        Require.notNull(points, "points");
        Require.that(points.stream().map(Point::size).distinct().count() >= 3, "points",
                "must hold at least three distinct sizes", points.size());
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            Point p = points.get(i);
            Require.that(p.medianNanos() > 0, "medianNanos", "must be > 0 at size " + p.size(), p.medianNanos());
            x[i] = Math.log(p.size());
            y[i] = Math.log(p.medianNanos());
        }
        double[] f = Stats.linearFit(x, y);
        return new Result(points, f[1], f[0], f[2]);
    }
}
