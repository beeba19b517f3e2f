package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HarnessTest {
    static final Harness SMALL = Harness.builder().warmupIterations(200).iterations(300).rounds(3).seed(7).build();

    static int[] ints(SplittableRandom r, int n) {
        return r.ints(n).toArray();
    }

    static final Stage<int[], int[]> SORT = Stage.of("sort", (int[] a) -> {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    });

    @Test
    void roundsHaveTheirOwnFiguresAndAMedianOfMedians() {
        HarnessResult r = SMALL.run(SORT, rnd -> ints(rnd, 256));
        assertEquals(3, r.rounds().size());
        assertEquals(900, r.snapshot().calls());
        for (StageSnapshot round : r.rounds()) {
            assertEquals("sort", round.stage());
            assertEquals(300, round.calls());
            assertTrue(round.percentileNanos(50) > 0);
            assertTrue(round.throughputPerSecond() > 0);
        }
        Summary p50 = r.summary(Dimension.percentile(50));
        assertEquals(3, p50.rounds());
        double[] per = r.perRound(Dimension.percentile(50));
        Arrays.sort(per);
        assertEquals(per[1], p50.median());
        assertTrue(p50.min() <= p50.median() && p50.median() <= p50.max());
        assertEquals(900, r.snapshot().calls());
        assertTrue(r.jvm().heapUsedBytes() > 0);
    }

    @Test
    void allocationPerCallMatchesWhatTheStageAllocates() {
        Stage<int[], int[]> copy = Stage.of("copy", (int[] a) -> a.clone());
        HarnessResult r = SMALL.run(copy, rnd -> ints(rnd, 1000));
        double perCall = r.summary(Dimension.ALLOCATION).median();
        // int[1000].clone(): a 16-byte header + 4,000 bytes
        assertTrue(perCall >= 4000 && perCall <= 4100, "alloc per call " + perCall);
        assertEquals(0, r.summary(Dimension.ALLOCATION).stddev(), 1.0);
    }

    @Test
    void sameSeedSameInputs() {
        List<int[]> a = Harness.inputs(rnd -> ints(rnd, 5), 3, 99);
        List<int[]> b = Harness.inputs(rnd -> ints(rnd, 5), 3, 99);
        for (int i = 0; i < 3; i++) {
            assertTrue(Arrays.equals(a.get(i), b.get(i)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.run(SORT, rnd -> null));
        assertTrue(e.getMessage().contains("must not return null"));
    }

    @Test
    void failuresAreCountedAndBudgetsEvaluated() {
        Stage<Integer, Integer> flaky = Stage.of("flaky", (Integer i) -> {
            if (i % 4 == 0) {
                throw new IllegalStateException("boom");
            }
            return i;
        });
        HarnessResult r = SMALL.run(flaky, rnd -> rnd.nextInt(1000));
        long failures = r.rounds().stream().mapToLong(StageSnapshot::failures).sum();
        assertTrue(failures > 0 && failures < r.snapshot().calls());
        assertEquals(failures, r.snapshot().failures());
        assertEquals(Outcome.VIOLATED, r.evaluate(Budget.parse("errors<=0.1%")).outcome());
        assertEquals(Outcome.MET, r.evaluate(Budget.parse("errors<=90%")).outcome());
    }

    @Test
    void warmupByTimeRunsAtLeastThatLong() {
        Harness h = Harness.builder().warmupIterations(0).warmupTime(Duration.ofMillis(150)).iterations(10).rounds(1).build();
        long t0 = System.nanoTime();
        h.run(SORT, rnd -> ints(rnd, 16));
        assertTrue(System.nanoTime() - t0 >= 150_000_000L);
    }

    @Test
    void memoryProbeGivesAPeakPerRound() {
        try (OshiMemoryProbe probe = new OshiMemoryProbe(Duration.ofMillis(5))) {
            Harness h = Harness.builder().warmupIterations(10).iterations(50).rounds(2).memoryProbe(probe).build();
            HarnessResult r = h.run(SORT, rnd -> ints(rnd, 64));
            assertTrue(r.summary(Dimension.RSS).median() > 0);
            assertTrue(r.snapshot().peakRssBytes().isPresent());
        }
    }

    @Test
    void pacedRunsChargeTheWaitToTheCallsThatQueuedBehindAStall() {
        int[] count = {0};
        Stage<Integer, Integer> stall = Stage.of("stall", (Integer i) -> {
            if (++count[0] == 250) {
                long end = System.nanoTime() + 20_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            return i;
        });
        Harness h = Harness.builder().warmupIterations(50).build();
        PacedResult r = h.runPaced(stall, rnd -> rnd.nextInt(), 2_000, 400);
        var service = r.service();
        var response = r.response();
        long slowService = service.getCountBetweenValues(5_000_000L, Long.MAX_VALUE / 4);
        long slowResponse = response.getCountBetweenValues(5_000_000L, Long.MAX_VALUE / 4);
        // the stalled call itself, and at most a few more if the scheduler or a GC pauses one
        assertTrue(slowService >= 1 && slowService <= 5, "slow service times: " + slowService);
        assertTrue(slowResponse >= 20, "calls queued behind the 20 ms stall at 2,000/s must show the wait, but only "
                + slowResponse + " did");
        assertTrue(r.lateStarts() >= 20);
        assertTrue(r.responsePercentileNanos(99) >= r.servicePercentileNanos(99));
    }

    /** A probe that is not OSHI's: fixed RSS figures and its own operating-system peak. */
    static final class FixedProbe implements MemoryProbe {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public long currentRssBytes() {
            return 100_000;
        }

        @Override
        public RssWindow openWindow() {
            return new RssWindow() {
                @Override
                public long startRssBytes() {
                    return 100_000;
                }

                @Override
                public long peakRssBytes() {
                    return 150_000;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public OptionalLong peakRssBytes() {
            return OptionalLong.of(123_456_789);
        }
    }

    @Test
    void anyProbesOwnPeakIsReportedNotOnlyOshis() {
        Harness h = Harness.builder().warmupIterations(10).iterations(20).rounds(2).memoryProbe(new FixedProbe()).build();
        HarnessResult r = h.run(SORT, rnd -> ints(rnd, 16));
        assertEquals(OptionalLong.of(123_456_789), r.kernelPeakRssBytes());
        assertEquals(150_000, r.summary(Dimension.RSS).median());
        assertEquals(OptionalLong.of(50_000), r.snapshot().rssGrowthBytes());
        assertEquals(OptionalLong.empty(), SMALL.run(SORT, rnd -> ints(rnd, 16)).kernelPeakRssBytes(), "no probe, no peak");
    }

    @Test
    void aHarnessHoldsSettingsOnlySoRunsShareNoState() {
        for (Class<?> type : List.of(Harness.class, ClosedLoopRunner.class, PacedRunner.class)) {
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertTrue(Modifier.isFinal(f.getModifiers()), type.getSimpleName() + "." + f.getName()
                            + " is mutable state that concurrent runs would share");
                }
            }
        }
    }

    @Test
    void concurrentRunsOfOneHarnessEachKeepTheirOwnOutputs() throws Exception {
        ClosedLoopRunner runner = new ClosedLoopRunner(2_000, 3, true, null, null);
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Sink>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "run-" + t;
                Stage<Integer, String> stage = Stage.of(tag, (Integer i) -> tag + ":" + i);
                runs.add(pool.submit(() -> {
                    Sink sink = new Sink();
                    start.await();
                    List<StageSnapshot> rounds = runner.run(stage, List.of(1, 2, 3), sink);
                    assertEquals(3, rounds.size());
                    rounds.forEach(r -> assertEquals(2_000, r.calls()));
                    return sink;
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertTrue(String.valueOf(runs.get(t).get().last()).startsWith("run-" + t + ":"),
                        "run " + t + " kept another run's output: " + runs.get(t).get().last());
            }
            List<HarnessResult> results = new ArrayList<>();
            List<Future<HarnessResult>> viaHarness = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "h-" + t;
                viaHarness.add(pool.submit(() -> SMALL.run(Stage.of(tag, (int[] a) -> a.length), rnd -> ints(rnd, 8))));
            }
            for (Future<HarnessResult> f : viaHarness) {
                results.add(f.get());
            }
            for (int t = 0; t < threads; t++) {
                assertEquals("h-" + t, results.get(t).stage());
                assertEquals(900, results.get(t).snapshot().calls());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Harness.builder().iterations(0));
        assertEquals("iterations must be >= 1, but was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Harness.builder().rounds(0));
        assertThrows(IllegalArgumentException.class, () -> Harness.builder().warmupTime(Duration.ofSeconds(-1)));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Harness.builder().rounds(3).rounds(4));
        assertTrue(twice.getMessage().contains("already set to 3"));
        assertThrows(IllegalArgumentException.class, () -> SMALL.runPaced(SORT, rnd -> ints(rnd, 4), -5, 10));
        assertThrows(IllegalArgumentException.class, () -> SMALL.runPaced(SORT, rnd -> ints(rnd, 4), 100, 0));
    }
}
