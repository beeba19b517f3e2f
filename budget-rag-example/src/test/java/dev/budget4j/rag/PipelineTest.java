package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Dimension;
import dev.budget4j.StageReport;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.profile.Rounds;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.profile.equivalence.TopK;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a 30-document slice (about 130 chunks). */
class PipelineTest {
    static final Options SMALL;

    static {
        try {
            SMALL = Options.parse("--docs", "30", "--batch", "8", "--queries", "25", "--compare", "0",
                    "--changed", "0.2");
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    private static RunResult shared;

    /** One plain-Java run, shared by the tests that only read it. */
    static synchronized RunResult javaRun() {
        if (shared == null) {
            shared = run("java");
        }
        return shared;
    }

    static RunResult run(String backend) {
        return new RagPipeline(SMALL, Shipped.budgets(), Slice.onnx(), null, Backends.byName(backend), null, null)
                .run();
    }

    @Test
    void fixedSeedGivesTheSameOutputTwice() {
        RunResult a = javaRun();
        RunResult b = run("java");
        assertEquals(a.questions(), b.questions());
        assertEquals(a.chunks(), b.chunks());
        assertEquals(a.hits(), b.hits());
        assertTrue(a.chunks() > 30 && a.chunks() < 400, "chunks: " + a.chunks());
        String fastest = Backends.available().get(0);
        RunResult c = run(fastest);
        RunResult d = run(fastest);
        assertEquals(c.questions(), d.questions(), fastest);
        // The same chunks in the same order run to run. A SIMD backend's scores may differ in the last
        // bits between runs: where a loop starts its aligned part depends on the arrays' addresses,
        // and that changes the order of the sums.
        assertEquals(c.hits().size(), d.hits().size(), fastest);
        for (int q = 0; q < c.hits().size(); q++) {
            List<Hit> x = c.hits().get(q);
            List<Hit> y = d.hits().get(q);
            assertEquals(x.stream().map(Hit::chunkId).toList(), y.stream().map(Hit::chunkId).toList(),
                    fastest + ": one backend finds the same chunks run to run, question " + q);
            for (int i = 0; i < x.size(); i++) {
                assertEquals(x.get(i).score(), y.get(i).score(), 1e-5f, fastest + ": score of hit " + i + ", question " + q);
            }
        }
    }

    @Test
    void everyStageIsBudgetedRecordedAndInTheTree() {
        RunResult r = javaRun();
        List<String> names = List.copyOf(r.run().stages().keySet());
        assertEquals(List.of("load", "clean", "chunk", "embed", "index", "ingest", "query.embed", "query.search",
                "query"), names);
        StageBaseline clean = r.run().stage("clean").orElseThrow();
        assertEquals(60, clean.snapshot().calls(), "clean runs once per document in ingest and in refresh");
        long unchanged = Ingest.edit(EuroparlCorpus.read(30), 0.2, 42).stream()
                .filter(d -> !d.body().endsWith(" (amended)")).count();
        assertEquals(unchanged, r.chunkMemo().hits(), "the refresh pass hits the memo for unchanged documents");
        assertEquals(60 - unchanged, r.chunkMemo().misses());
        assertEquals(List.of("load", "clean", "chunk", "embed", "index"),
                r.trees().get(0).children().stream().map(StageReport::name).toList());
        assertEquals(List.of("query.embed", "query.search"),
                r.trees().get(1).children().stream().map(StageReport::name).toList());
        assertEquals(25, r.trees().get(1).snapshot().calls());
        assertTrue(r.run().stage("load").orElseThrow().snapshot().allocatedBytes().isPresent(), "allocation is tracked");
    }

    @Test
    void manyCallStagesAreCutIntoRounds() {
        RunResult r = javaRun();
        for (StageBaseline s : r.run().stages().values()) {
            long calls = s.snapshot().calls();
            int expected = switch (s.stage()) {
                case "load", "index", "ingest" -> 1;
                case "clean", "chunk" -> Rounds.DEFAULT_COUNT + 1; // five ingest rounds, then the refresh pass
                case "embed" -> Math.min(Rounds.DEFAULT_COUNT, (int) calls);
                default -> Rounds.DEFAULT_COUNT;
            };
            assertEquals(expected, s.perRound(Dimension.percentile(50)).length, s.stage());
            assertEquals(1, s.forkCount(), s.stage());
        }
    }

    @Test
    void endToEndStagesCarryTheirOwnPeakRssAndTheOthersTheirPhases() {
        RunResult withProbe;
        try (OshiMemoryProbe probe = new OshiMemoryProbe()) {
            withProbe = new RagPipeline(SMALL, Shipped.budgets(), Slice.onnx(), null, Backends.byName("java"), probe, null)
                    .run();
        }
        for (StageBaseline s : withProbe.run().stages().values()) {
            assertTrue(s.snapshot().peakRssBytes().isPresent(), s.stage() + ": its own window or its phase's");
            double[] rss = s.perRound(Dimension.RSS);
            assertTrue(rss.length >= 1 && java.util.Arrays.stream(rss).allMatch(v -> v > 0), s.stage() + ": "
                    + java.util.Arrays.toString(rss));
        }
        StageBaseline ingest = withProbe.run().stage("ingest").orElseThrow();
        assertTrue(ingest.snapshot().peakRssBytes().getAsLong() > 50L << 20, "a JVM with a model loaded is bigger than"
                + " 50 MiB: " + ingest.snapshot().peakRssBytes());
        assertTrue(withProbe.peakRssBytes() >= ingest.snapshot().peakRssBytes().getAsLong(), "the run's window holds"
                + " the ingest's");
        assertTrue(withProbe.kernelPeakRssBytes() > 0 || !System.getProperty("os.name").contains("Linux"),
                "the probe's own peak on Linux");
        for (StageBaseline s : javaRun().run().stages().values()) {
            boolean bounded = s.budget().orElseThrow().limit(Dimension.RSS).isPresent();
            assertEquals(bounded, s.snapshot().peakRssBytes().isPresent(), s.stage() + ": no probe, only rss budgets");
        }
    }

    @Test
    void searchResultsAreEqualAcrossBackendsUpToTies() {
        RunResult reference = javaRun();
        for (String backend : Backends.available()) {
            RunResult other = run(backend);
            assertEquals(reference.chunks(), other.chunks(), backend + ": same chunk boundaries, same index");
            assertEquals(backend, other.backend());
            assertEquals(backend, other.ingestBackend());
            for (int q = 0; q < reference.hits().size(); q++) {
                List<Hit> e = reference.hits().get(q);
                List<Hit> a = other.hits().get(q);
                TopK.assertEquivalent(SearchEquivalence.rows(e), SearchEquivalence.scores(e), SearchEquivalence.rows(a),
                        SearchEquivalence.scores(a), SearchEquivalence.SCORES);
            }
        }
    }

    @Test
    void withoutAForcedBackendTheLadderPicksTheQuerySearchInSitu() {
        RunResult r = new RagPipeline(SMALL, Shipped.budgets(), Slice.onnx(), null, null, null, null).run();
        Ladder.Result<float[], List<Hit>> ladder = r.query().ladder();
        List<String> rungs = ladder.rungs().stream().map(Ladder.Rung::name).toList();
        List<String> floats = new ArrayList<>();
        for (String name : Backends.available()) {
            floats.add(0, name.equals("java") ? "plain" : name);
        }
        List<String> expected = new ArrayList<>(floats);
        floats.forEach(f -> expected.add(f + SearchRung.INT8));
        assertEquals(expected, rungs, "plain first, then vector, then native (those available), then each in int8");
        assertTrue(ladder.rungs().stream().allMatch(Ladder.Rung::equivalent), ladder.toTable());
        assertTrue(ladder.inSitu(), "measured where the search runs, too");
        assertTrue(ladder.rungs().stream().allMatch(x -> x.inSitu().calls() == SMALL.queries()), ladder.toTable());
        assertEquals(Kernels.active().name(), r.ingestBackend());
        if (ladder.chosen().isPresent()) {
            Ladder.Rung chosen = ladder.chosen().get();
            assertEquals(chosen.name(), r.query().rung().name());
            assertTrue(chosen.inSituVerdict().isMet(), ladder.toTable());
            for (Ladder.Rung below : ladder.rungs().subList(0, ladder.rungs().indexOf(chosen))) {
                assertFalse(below.qualifies(), "a lower rung met the budget: " + ladder.toTable());
            }
            assertTrue(r.query().reason().startsWith("chosen by the ladder"), r.query().reason());
        } else {
            assertTrue(r.query().reason().startsWith("no rung meets query.search's budget"), r.query().reason());
            assertTrue(ladder.warnings().stream().anyMatch(w -> w.startsWith("no equivalent rung meets the budget in situ")),
                    ladder.toTable());
            assertEquals(QueryLadder.closest(ladder).orElseThrow().name(), r.query().rung().name());
        }
        Int8Recall recall = r.query().recall();
        assertEquals(SMALL.queries(), recall.questions());
        assertTrue(recall.recall() >= 0.95, recall.toString());
    }
}
