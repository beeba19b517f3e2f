package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SweepTest {
    static final Harness H = Harness.builder().warmupIterations(300).iterations(200).rounds(3).inputPoolSize(4).build();

    static final Stage<long[], Long> SUM = Stage.of("sum", (long[] a) -> {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    });

    @Test
    void fitRecoversAKnownExponent() {
        List<SizeSweep.Point> pts = List.of(new SizeSweep.Point(10, 100 * 3, null), new SizeSweep.Point(100, 10_000 * 3, null),
                new SizeSweep.Point(1000, 1_000_000 * 3, null));
        SizeSweep.Result r = SizeSweep.fit(pts);
        assertEquals(2.0, r.exponent(), 1e-9);
        assertEquals(1.0, r.r2(), 1e-9);
        assertTrue(r.exponentWithin(2.1));
        AssertionError e = assertThrows(AssertionError.class, () -> r.assertExponentAtMost(1.1));
        assertTrue(e.getMessage().contains("exponent must be <= 1.10, but was 2.000"), e.getMessage());
    }

    @Test
    void aLinearStageMeasuresNearOne() {
        // time-based warmup gives the JIT (compiling in the background on a busy machine) time to finish
        Harness warm = Harness.builder().warmupIterations(5_000).warmupTime(java.time.Duration.ofMillis(300))
                .iterations(200).rounds(3).inputPoolSize(4).build();
        // A first, discarded sweep: on a loaded machine the JIT may still be compiling during the first one.
        SizeSweep.run(warm, List.of(2_000, 8_000, 32_000), n -> SUM, (n, rnd) -> rnd.longs(n).toArray());
        SizeSweep.Result r = SizeSweep.run(warm, List.of(2_000, 8_000, 32_000), n -> SUM,
                (n, rnd) -> rnd.longs(n).toArray());
        assertTrue(r.exponent() > 0.6 && r.exponent() < 1.4, r.toTable());
        r.assertExponentAtMost(1.5);
    }

    @Test
    void sweepsNeedThreePositiveSizes() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> SizeSweep.run(H, List.of(10, 10, 20), n -> SUM, (n, rnd) -> new long[n]));
        assertTrue(few.getMessage().contains("at least three distinct sizes"), few.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> SizeSweep.run(H, List.of(-1, 10, 20), n -> SUM, (n, rnd) -> new long[n]));
        assertEquals("size must be >= 1, but was -1", neg.getMessage());
    }

    @Test
    void crossoverIsTheSizeFromWhichTheChallengerStaysAhead() {
        List<Crossover.Point> pts = List.of(new Crossover.Point(10, 1, 5), new Crossover.Point(100, 10, 8),
                new Crossover.Point(1000, 100, 120), new Crossover.Point(10000, 1000, 400), new Crossover.Point(100000, 10000, 2000));
        assertEquals(OptionalInt.of(10000), Crossover.crossover(pts));
        assertEquals(OptionalInt.empty(), Crossover.crossover(List.of(new Crossover.Point(1, 1, 2))));
    }

    @Test
    void crossoverFindsWhereASlowStartingStageWins() {
        // Modelled costs, so the test does not hinge on this machine's memory bandwidth:
        // the incumbent spends 1 ns per element, the challenger a fixed 60 us plus 0.25 ns per element.
        Stage<long[], Long> incumbent = Stage.of("linear", (long[] a) -> spin(a.length));
        Stage<long[], Long> challenger = Stage.of("fixedCost", (long[] a) -> spin(60_000 + a.length / 4));
        Harness h = Harness.builder().warmupIterations(20).iterations(30).rounds(3).inputPoolSize(1).build();
        Crossover.Result r = Crossover.find(h, List.of(1_000, 1_000_000, 4_000_000), incumbent, challenger,
                (n, rnd) -> new long[n]);
        assertTrue(r.crossoverSize().isPresent(), r.toTable());
        assertEquals(1_000_000, r.crossoverSize().getAsInt(), r.toTable());
    }

    private static long spin(long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    }

    @Test
    void batchSizeFinderPicksTheFastestBatchWithinTheAllocationBudget() {
        Stage<long[], long[]> copy = Stage.of("copy", (long[] a) -> a.clone());
        BatchSizeFinder.Result r = BatchSizeFinder.find(H, List.of(16, 256, 4096), copy, (n, rnd) -> new long[n],
                Budget.parse("alloc<=4KiB"));
        assertEquals(3, r.candidates().size());
        assertEquals(256, r.best().orElseThrow().batchSize(), r.toTable());
        assertTrue(r.candidates().get(2).verdict().violations().size() == 1);
        assertThrows(IllegalArgumentException.class, () -> BatchSizeFinder.find(H, List.of(0), copy,
                (n, rnd) -> new long[n], Budget.parse("alloc<=4KiB")));
    }
}
