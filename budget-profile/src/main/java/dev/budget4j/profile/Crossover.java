package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Finds where one stage starts to beat another as inputs grow, e.g. the size above which a
 * parallel stage is faster than the sequential one: the smallest measured size from which the
 * challenger's median latency is lower at that size and every larger size measured.
 */
public final class Crossover {
    private Crossover() {
    }

    /**
     * One size, both stages.
     *
     * @param size the input size
     * @param incumbentNanos the incumbent's median-of-medians latency, nanoseconds
     * @param challengerNanos the challenger's, nanoseconds
     */
    public record Point(int size, double incumbentNanos, double challengerNanos) {
        /** {@return incumbent / challenger: above 1 means the challenger is faster} */
        public double speedup() {
            return incumbentNanos / challengerNanos;
        }
    }

    /**
     * What the sweep measured and where the challenger takes over.
     *
     * @param points one per size, ascending
     * @param crossoverSize the smallest size from which the challenger stays faster, if any
     */
    public record Result(List<Point> points, OptionalInt crossoverSize) {
        /**
         * Copies the list.
         *
         * @param points see the record description
         * @param crossoverSize see the record description
         */
        public Result {
            points = List.copyOf(points);
        }

        /** {@return one row per size} */
        public String toTable() {
            StringBuilder out = new StringBuilder("size  incumbent  challenger  speedup\n");
            for (Point p : points) {
                out.append(p.size()).append("  ").append(Units.nanos(p.incumbentNanos())).append("  ")
                        .append(Units.nanos(p.challengerNanos())).append("  ").append(Units.ratio(p.speedup())).append('\n');
            }
            out.append("crossover: ").append(crossoverSize.isPresent() ? String.valueOf(crossoverSize.getAsInt()) : "none").append('\n');
            return out.toString();
        }
    }

    /**
     * Measures both stages at every size.
     *
     * @param harness the harness, not null
     * @param sizes at least three distinct sizes, each {@code >= 1}; measured in ascending order
     * @param incumbent the stage to beat (e.g. sequential), not null
     * @param challenger the stage that may win at large sizes (e.g. parallel), not null
     * @param inputs makes an input of a size from the seeded random source, not null
     * @param <I> the input type
     * @return the points and the crossover size
     */
    public static <I> Result find(Harness harness, List<Integer> sizes, Stage<I, ?> incumbent, Stage<I, ?> challenger,
            BiFunction<Integer, SplittableRandom, ? extends I> inputs) {
        Require.notNull(harness, "harness");
        SizeSweep.validateSizes(sizes);
        Require.notNull(incumbent, "incumbent");
        Require.notNull(challenger, "challenger");
        Require.notNull(inputs, "inputs");
        List<Point> points = new ArrayList<>();
        for (int size : sizes.stream().distinct().sorted().toList()) {
            double a = harness.run(incumbent, r -> inputs.apply(size, r)).summary(Dimension.percentile(50)).median();
            double b = harness.run(challenger, r -> inputs.apply(size, r)).summary(Dimension.percentile(50)).median();
            points.add(new Point(size, a, b));
        }
        return new Result(points, crossover(points));
    }

    static OptionalInt crossover(List<Point> ascending) {
        int found = -1;
        for (int i = ascending.size() - 1; i >= 0; i--) {
            Point p = ascending.get(i);
            if (p.challengerNanos() < p.incumbentNanos()) {
                found = p.size();
            } else {
                break;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }
}
