package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Outcome;
import dev.budget4j.StageSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stage baseline was not given stays unmeasured: no placeholder byte count reaches the
 * figures, the gate or a budget, and a negative byte count cannot be passed at all.
 */
class StageBaselineTest {
    private static final Budget ALLOC_BUDGET = Budget.parse("alloc<=1KiB");

    @TempDir
    Path dir;

    private static Histogram latencies(long from, int count) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int i = 0; i < count; i++) {
            h.recordValue(from + i);
        }
        return h;
    }

    /** Five rounds of 200 calls each, timed, with allocation not measured. */
    private static StageBaseline timedOnly(String stage, Budget budget) {
        List<StageSnapshot> rounds = new ArrayList<>();
        Histogram all = new Histogram(3);
        all.setAutoResize(true);
        for (int r = 0; r < 5; r++) {
            Histogram h = latencies(1_000 + 10 * r, 200);
            all.add(h);
            rounds.add(StageSnapshot.builder(stage, h).elapsedNanos(200_000).build());
        }
        return StageBaseline.of(StageSnapshot.builder(stage, all).elapsedNanos(1_000_000).build(), rounds, budget);
    }

    private static DimensionComparison alloc(GateReport r) {
        return r.stages().get(0).dimensions().stream()
                .filter(d -> d.rule().dimension().label().equals(Dimension.ALLOCATION.label())).findFirst().orElseThrow(() -> new AssertionError("no alloc comparison in " + r.stages()));
    }

    @Test
    void aBaselineWithoutAllocationHasNoAllocationFigureAndTheGateSaysSo() {
        StageBaseline base = timedOnly("s", null);
        assertEquals(OptionalLong.empty(), base.snapshot().allocatedBytes());
        assertEquals(OptionalLong.empty(), base.snapshot().peakRssBytes());
        assertTrue(Double.isNaN(base.snapshot().value(Dimension.ALLOCATION)));
        assertTrue(Arrays.stream(base.perRound(Dimension.ALLOCATION)).allMatch(Double::isNaN),
                Arrays.toString(base.perRound(Dimension.ALLOCATION)));

        // The current run allocates 64 B per call: against a baseline that never measured
        // allocation, that is unknown, not a change from some figure such as -1 or 0 bytes.
        GateReport r = Gate.defaults().compare(baseline(base), baseline(Fixtures.stage("s", LAT, TP, 64, null)));
        DimensionComparison alloc = alloc(r);
        assertEquals(GateStatus.INCONCLUSIVE, alloc.status(), alloc.toString());
        assertTrue(alloc.note().startsWith("not measured in the baseline"), alloc.note());
    }

    @Test
    void aBudgetOnAllocationIsInconclusiveWhenAllocationWasNotMeasured() throws Exception {
        StageBaseline base = StageBaseline.fromRounds(
                StageSnapshot.builder("s", latencies(1_000, 100)).elapsedNanos(100_000).build(),
                Map.of("p50", new double[] {1_050}), ALLOC_BUDGET);
        assertEquals(OptionalLong.empty(), base.snapshot().allocatedBytes());
        assertEquals(Outcome.INCONCLUSIVE, base.verdict().orElseThrow().outcome());

        Path file = dir.resolve("b.json");
        baseline(base).write(file);
        StageBaseline read = Baseline.read(file).stage("s").orElseThrow();
        assertEquals(OptionalLong.empty(), read.snapshot().allocatedBytes());
        assertEquals(OptionalLong.empty(), read.snapshot().peakRssBytes());
        assertEquals(OptionalLong.empty(), read.snapshot().rssGrowthBytes());
        assertEquals(Outcome.INCONCLUSIVE, read.verdict().orElseThrow().outcome());
    }

    @Test
    void aNegativeByteCountCannotBePassed() throws Exception {
        StageSnapshot.Builder b = StageSnapshot.builder("s", latencies(1_000, 10));
        assertEquals("allocatedBytes must be >= 0, but was -1",
                assertThrows(IllegalArgumentException.class, () -> b.allocatedBytes(-1)).getMessage());
        assertEquals("peakBytes must be >= 0, but was -1",
                assertThrows(IllegalArgumentException.class, () -> b.rss(-1, 0)).getMessage());
        assertEquals("growthBytes must be >= 0, but was -1",
                assertThrows(IllegalArgumentException.class, () -> b.rss(0, -1)).getMessage());

        // A stored file writes -1 for "not measured"; any other negative count is a broken file.
        Path file = dir.resolve("b.json");
        baseline(Fixtures.stage("s", LAT, TP, 64, null)).write(file);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        String broken = json.replaceFirst("\"allocatedBytes\": *\\d+", "\"allocatedBytes\": -5");
        assertNotEquals(json, broken, "the file should hold an allocatedBytes figure");
        Files.writeString(file, broken, StandardCharsets.UTF_8);
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().endsWith(
                "stage 's': field allocatedBytes must be >= 0, or -1 when not measured, but was -5"), e.getMessage());
    }

    @Test
    void mergeKeepsWhatOneForkDidNotMeasureUnmeasured() {
        StageSnapshot.Builder measured = StageSnapshot.builder("s", latencies(1_000, 100)).elapsedNanos(100_000)
                .allocatedBytes(6_400).rss(200, 20);
        StageBaseline a = StageBaseline.fromRounds(measured.build(), Map.of("p50", new double[] {1_050}), null);
        StageBaseline b = StageBaseline.fromRounds(
                StageSnapshot.builder("s", latencies(2_000, 100)).elapsedNanos(100_000).rss(300, 10).build(),
                Map.of("p50", new double[] {2_050}), null);
        StageBaseline c = StageBaseline.fromRounds(
                StageSnapshot.builder("s", latencies(1_500, 50)).elapsedNanos(50_000).build(),
                Map.of("p50", new double[] {1_525}), null);

        StageSnapshot ab = StageBaseline.merge(List.of(a, b)).snapshot();
        assertEquals(OptionalLong.empty(), ab.allocatedBytes(), "one fork did not measure allocation");
        assertEquals(OptionalLong.of(300), ab.peakRssBytes());
        assertEquals(OptionalLong.of(20), ab.rssGrowthBytes());
        assertEquals(200, ab.calls());
        assertEquals(200_000, ab.elapsedNanos());

        StageSnapshot aa = StageBaseline.merge(List.of(a, a)).snapshot();
        assertEquals(OptionalLong.of(12_800), aa.allocatedBytes());

        StageSnapshot cc = StageBaseline.merge(List.of(c, c)).snapshot();
        assertEquals(OptionalLong.empty(), cc.allocatedBytes());
        assertEquals(OptionalLong.empty(), cc.peakRssBytes());
        assertEquals(OptionalLong.empty(), cc.rssGrowthBytes());
        assertEquals(2, StageBaseline.merge(List.of(c, c)).forkCount());
    }

    @Test
    void theFactoriesAndTheFiguresCheckEveryArgument() {
        StageSnapshot figures = StageSnapshot.builder("s", latencies(1_000, 10)).build();
        ForkRounds fork = ForkRounds.of(Map.of("p50", new double[] {1_005}));
        assertEquals("figures must not be null", assertThrows(NullPointerException.class,
                () -> StageBaseline.fromForks(null, List.of(fork), null)).getMessage());
        assertEquals("forks must not be empty, but was empty", assertThrows(IllegalArgumentException.class,
                () -> StageBaseline.fromForks(figures, List.of(), null)).getMessage());
        assertEquals("forks element must not be null", assertThrows(NullPointerException.class,
                () -> StageBaseline.fromForks(figures, Arrays.asList(fork, null), null)).getMessage());
        assertEquals("figures must not be null", assertThrows(NullPointerException.class,
                () -> StageBaseline.fromRounds(null, Map.of(), null)).getMessage());
        assertEquals("perRound must not be null", assertThrows(NullPointerException.class,
                () -> StageBaseline.fromRounds(figures, null, null)).getMessage());

        // The checks the figures carry: stage name, failures and wall time.
        assertEquals("stage must not be blank, but was ' '", assertThrows(IllegalArgumentException.class,
                () -> StageSnapshot.builder(" ", latencies(1_000, 10))).getMessage());
        assertEquals("failures must be in [0, calls=10], but was 11", assertThrows(IllegalArgumentException.class,
                () -> StageSnapshot.builder("s", latencies(1_000, 10)).failures(11)).getMessage());
        assertEquals("failures must be in [0, calls=10], but was -1", assertThrows(IllegalArgumentException.class,
                () -> StageSnapshot.builder("s", latencies(1_000, 10)).failures(-1)).getMessage());
        assertEquals("elapsedNanos must be >= 0, but was -1", assertThrows(IllegalArgumentException.class,
                () -> StageSnapshot.builder("s", latencies(1_000, 10)).elapsedNanos(-1)).getMessage());

        StageBaseline s = StageBaseline.fromForks(figures, List.of(fork, fork), Budget.parse("p99<=1ms"));
        assertEquals(2, s.forkCount());
        assertEquals("s", s.stage());
        assertEquals(Budget.parse("p99<=1ms"), s.budget().orElseThrow());
    }
}
