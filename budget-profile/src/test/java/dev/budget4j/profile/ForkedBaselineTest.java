package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines with several forks: schema 2 round trips, schema 1 files, merging, and the gate's choice of statistics. */
class ForkedBaselineTest {
    @TempDir
    Path dir;

    /** One fork whose rounds sit at {@code speed} ns p50 (2% jitter), p99 twice that. */
    static StageBaseline fork(String name, double speed, SplittableRandom r, Budget budget) {
        double[] lat = new double[5];
        double[] tp = new double[5];
        for (int i = 0; i < 5; i++) {
            lat[i] = speed * (1 + 0.02 * r.nextGaussian());
            tp[i] = 1e9 / lat[i];
        }
        return stage(name, lat, tp, 64, budget);
    }

    /** {@code n} forks, each launch landing at 88 or 104 (times {@code scale}) like real JVM launches. */
    static StageBaseline forks(int n, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<StageBaseline> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(fork("s", (r.nextBoolean() ? 88_000 : 104_000) * scale, r, null));
        }
        return StageBaseline.merge(parts);
    }

    @Test
    void schemaTwoKeepsEveryForkAndPair() throws Exception {
        StageBaseline s = forks(3, 1, 1);
        StageBaseline paired = StageBaseline.merge(List.of(s.inPair(4)));
        Path file = dir.resolve("forks.json");
        baseline(paired).write(file);
        StageBaseline read = Baseline.read(file).stage("s").orElseThrow();
        assertEquals(3, read.forkCount());
        assertTrue(read.paired());
        for (int i = 0; i < 3; i++) {
            assertEquals(4, read.forks().get(i).pair());
            assertArrayEquals(s.forks().get(i).values(Dimension.percentile(99)), read.forks().get(i).values(Dimension.percentile(99)));
        }
        assertEquals(s.snapshot().histogram(), read.snapshot().histogram());
        assertEquals(15, read.perRound(Dimension.percentile(50)).length);
        assertFalse(read.forks().get(0).inStep());

        Path duet = dir.resolve("duet.json");
        baseline(StageBaseline.merge(List.of(s.inPair(2, true)))).write(duet);
        assertTrue(Files.readString(duet).contains("\"inStep\": true"));
        StageBaseline back = Baseline.read(duet).stage("s").orElseThrow();
        assertTrue(back.forks().stream().allMatch(f -> f.inStep() && f.pair() == 2));
    }

    @Test
    void aSchemaOneFileReadsAsOneForkWithANote() throws Exception {
        Path file = dir.resolve("v1.json");
        String v2 = baseline(stage("s", LAT, TP, 64, null)).toJson();
        String v1 = v2.replace("\"schemaVersion\": 2", "\"schemaVersion\": 1")
                .replaceAll("\"forkCount\": 1,\\s*\"forks\": \\[\\s*\\{\\s*(\"perRound\": \\{[^}]*\\})\\s*\\}\\s*\\]", "$1");
        assertTrue(v1.contains("\"perRound\"") && !v1.contains("forks"), v1);
        Files.writeString(file, v1);
        Baseline read = Baseline.read(file);
        assertEquals(1, read.stage("s").orElseThrow().forkCount());
        assertArrayEquals(LAT, read.stage("s").orElseThrow().perRound(Dimension.percentile(50)));
        assertTrue(read.notes().get(0).contains("schema 1"), read.notes().toString());
        GateReport r = Gate.defaults().compare(read, read);
        assertTrue(r.toConsoleTable().contains("between-JVM noise is unknown"), r.toConsoleTable());
        assertTrue(r.toConsoleTable().contains("schema 1"), r.toConsoleTable());
    }

    @Test
    void badForkFieldsAreNamed() throws Exception {
        String good = baseline(forks(2, 1, 2)).toJson();
        Path file = dir.resolve("bad.json");
        Files.writeString(file, good.replace("\"forkCount\": 2", "\"forkCount\": 3"));
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("forkCount is 3 but forks holds 2"), e.getMessage());
        Files.writeString(file, good.replaceFirst("\"forks\": \\[", "\"forks\": [{\"pair\": -3, \"perRound\": {}},"));
        e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("forks[0].pair must be a whole number >= 0"), e.getMessage());
        Files.writeString(file, good.replaceFirst("\"forks\": \\[", "\"forks\": [{\"pair\": 1, \"inStep\": \"yes\", \"perRound\": {}},"));
        e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("forks[0].inStep must be true or false, but was"), e.getMessage());
        Files.writeString(file, good.replaceFirst("\"forks\": \\[", "\"forks\": [{\"inStep\": true, \"perRound\": {}},"));
        e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("forks[0].inStep must be false for a fork without a pair"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ForkRounds(-1, true, java.util.Map.of()));
    }

    @Test
    void mergingKeepsCountsAndRefusesMixedStagesOrBudgets() {
        StageBaseline a = fork("s", 1000, new SplittableRandom(1), Budget.parse("p99<=1ms"));
        StageBaseline b = fork("s", 1100, new SplittableRandom(2), Budget.parse("p99<=1ms"));
        StageBaseline m = StageBaseline.merge(List.of(a, b));
        assertEquals(a.snapshot().calls() + b.snapshot().calls(), m.snapshot().calls());
        assertEquals(a.snapshot().elapsedNanos() + b.snapshot().elapsedNanos(), m.snapshot().elapsedNanos());
        assertEquals(2, m.forkCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StageBaseline.merge(List.of(a, fork("t", 1000, new SplittableRandom(3), null))));
        assertTrue(e.getMessage().contains("'s' and 't'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StageBaseline.merge(List.of(a, fork("s", 1000, new SplittableRandom(3), Budget.parse("p99<=2ms")))));
        assertTrue(e.getMessage().contains("must share one budget"), e.getMessage());
    }

    @Test
    void forkedRunsAreComparedOnForkMediansWithJvmSpreadInTheInterval() {
        GateReport same = Gate.defaults().compare(baseline(forks(6, 1, 10)), baseline(forks(6, 1, 11)));
        DimensionComparison p50 = same.stages().get(0).dimensions().get(0);
        assertTrue(p50.note().startsWith("6 vs 6 forks, t on fork medians"), p50.note());
        assertEquals(GateStatus.PASS, p50.status(), p50.toString());
        assertTrue(p50.ciHigh() / p50.ciLow() > 1.1, "the launches' two speeds widen the interval: " + p50);
        GateReport slower = Gate.defaults().compare(baseline(forks(6, 1, 10)), baseline(forks(6, 1.5, 12)));
        assertEquals(GateStatus.REGRESSION, slower.status(), slower.toConsoleTable());
    }

    @Test
    void interleavedPairsAreComparedPairwise() {
        SplittableRandom r = new SplittableRandom(5);
        List<StageBaseline> a = new ArrayList<>();
        List<StageBaseline> b = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double drift = 1 + 0.3 * r.nextDouble();
            a.add(fork("s", 100_000 * drift, r, null).inPair(i));
            b.add(fork("s", 125_000 * drift, r, null).inPair(i));
        }
        GateReport report = Gate.defaults().compare(baseline(StageBaseline.merge(a)), baseline(StageBaseline.merge(b)));
        DimensionComparison p50 = report.stages().get(0).dimensions().get(0);
        assertTrue(p50.note().startsWith("8 interleaved pairs, paired t"), p50.note());
        assertEquals(GateStatus.REGRESSION, p50.status(), p50.toString());
        assertEquals(1.25, p50.ratio(), 0.03);
    }

    /**
     * Duet pairs whose halves traded CPUs every round: one CPU runs at 1.0, the other at 1.5 (a
     * vCPU on a busy host core), and the candidate is 10 % slower. Each half ran 3 of its 5
     * rounds on one CPU, so the ratio of fork medians sees the CPUs, not the code; the rounds
     * compared side by side cancel them.
     */
    @Test
    void duetPairsInStepCancelTheCpusDifference() {
        SplittableRandom r = new SplittableRandom(11);
        List<StageBaseline> a = new ArrayList<>();
        List<StageBaseline> b = new ArrayList<>();
        List<StageBaseline> aLoose = new ArrayList<>();
        List<StageBaseline> bLoose = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean firstOnSlow = r.nextBoolean(); // which half the slow CPU had in round 0
            double[] la = new double[5];
            double[] lb = new double[5];
            for (int round = 0; round < 5; round++) {
                boolean aSlow = firstOnSlow == (round % 2 == 0);
                double noise = 1 + 0.005 * r.nextGaussian();
                la[round] = 100_000 * (aSlow ? 1.5 : 1.0) * noise;
                lb[round] = 110_000 * (aSlow ? 1.0 : 1.5) * noise;
            }
            StageBaseline fa = Fixtures.stage("s", la, perSecond(la), 64, null);
            StageBaseline fb = Fixtures.stage("s", lb, perSecond(lb), 64, null);
            a.add(fa.inPair(i, true));
            b.add(fb.inPair(i, true));
            aLoose.add(fa.inPair(i));
            bLoose.add(fb.inPair(i));
        }
        DimensionComparison inStep = Gate.defaults().compare(baseline(StageBaseline.merge(a)), baseline(StageBaseline.merge(b)))
                .stages().get(0).dimensions().get(0);
        assertTrue(inStep.note().startsWith("8 duet pairs, rounds in step on traded CPUs, paired t"), inStep.note());
        assertEquals(1.10, inStep.ratio(), 0.005);
        assertTrue(inStep.ciLow() > 1.09 && inStep.ciHigh() < 1.11, inStep.toString());
        DimensionComparison loose = Gate.defaults().compare(baseline(StageBaseline.merge(aLoose)), baseline(StageBaseline.merge(bLoose)))
                .stages().get(0).dimensions().get(0);
        assertTrue(loose.note().startsWith("8 interleaved pairs, paired t"), loose.note());
        assertTrue(loose.ciHigh() / loose.ciLow() > 1.3, "fork medians carry the CPUs' difference: " + loose);
    }

    private static double[] perSecond(double[] latencyNanos) {
        double[] tp = new double[latencyNanos.length];
        for (int i = 0; i < tp.length; i++) {
            tp[i] = 1e9 / latencyNanos[i];
        }
        return tp;
    }
}
