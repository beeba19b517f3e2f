package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Picks a batch size: the one with the best item throughput whose run meets a budget — typically
 * on allocation per call and peak RSS ({@code alloc<=4MiB rss<=512MiB}), where one call processes
 * one batch. A budget that needs RSS needs a harness with a memory probe; without one the verdict
 * is inconclusive and the size is not chosen.
 */
public final class BatchSizeFinder {
    private BatchSizeFinder() {
    }

    /**
     * One candidate.
     *
     * @param batchSize items per call
     * @param itemsPerSecond batch size × calls per second (median across rounds)
     * @param allocatedBytesPerCall bytes allocated per call (NaN when not measured)
     * @param peakRssBytes peak RSS in bytes (-1 when not measured)
     * @param verdict the budget checked against the run
     */
    public record Candidate(int batchSize, double itemsPerSecond, double allocatedBytesPerCall, long peakRssBytes,
            Verdict verdict) {
    }

    /**
     * Every candidate batch size and the best one.
     *
     * @param candidates every size measured, in the order given
     * @param best the fastest candidate that met the budget, if any
     */
    public record Result(List<Candidate> candidates, Optional<Candidate> best) {
        /**
         * Copies the list.
         *
         * @param candidates see the record description
         * @param best see the record description
         */
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** {@return one row per batch size} */
        public String toTable() {
            StringBuilder out = new StringBuilder("batch  items/s  alloc/call  peak rss  budget\n");
            for (Candidate c : candidates) {
                out.append(c.batchSize()).append("  ").append(Units.number(c.itemsPerSecond())).append("  ")
                        .append(Units.bytes(c.allocatedBytesPerCall())).append("  ")
                        .append(c.peakRssBytes() < 0 ? "-" : Units.bytes(c.peakRssBytes())).append("  ")
                        .append(c.verdict().outcome()).append('\n');
            }
            out.append("best: ").append(best.map(c -> String.valueOf(c.batchSize())).orElse("none met the budget")).append('\n');
            return out.toString();
        }
    }

    /**
     * Measures every batch size.
     *
     * @param harness the harness, not null
     * @param batchSizes candidate sizes, each {@code >= 1}, not empty
     * @param stage processes one batch per call, not null
     * @param batches makes a batch of a size from the seeded random source, not null
     * @param budget what a call must meet, not null
     * @param <I> the batch type
     * @return every candidate and the best
     */
    public static <I> Result find(Harness harness, List<Integer> batchSizes, Stage<I, ?> stage,
            BiFunction<Integer, SplittableRandom, ? extends I> batches, Budget budget) {
        Require.notNull(harness, "harness");
        Require.notEmpty(batchSizes, "batchSizes");
        Require.notNull(stage, "stage");
        Require.notNull(batches, "batches");
        Require.notNull(budget, "budget");
        for (Integer b : batchSizes) {
            Require.notNull(b, "batchSize");
            Require.that(b >= 1, "batchSize", "must be >= 1", b);
        }
        List<Candidate> out = new ArrayList<>();
        Candidate best = null;
        for (int size : batchSizes) {
            HarnessResult r = harness.run(stage, random -> batches.apply(size, random));
            Verdict v = r.evaluate(budget);
            Candidate c = new Candidate(size, size * r.summary(Dimension.THROUGHPUT).median(),
                    r.summary(Dimension.ALLOCATION).median(), r.snapshot().peakRssBytes().orElse(-1), v);
            out.add(c);
            if (v.isMet() && (best == null || c.itemsPerSecond() > best.itemsPerSecond())) {
                best = c;
            }
        }
        return new Result(out, Optional.ofNullable(best));
    }
}
