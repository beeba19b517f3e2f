package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Dimension;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return new RagPipeline(SMALL, BudgetFile.defaults(), Slice.onnx(), null, Backends.scoring(backend),
                Backends.chunker(backend), null, null).run();
    }

    @Test
    void fixedSeedGivesTheSameOutputTwice() {
        RunResult a = javaRun();
        RunResult b = run("java");
        assertEquals(a.questions(), b.questions());
        assertEquals(a.chunks(), b.chunks());
        assertEquals(a.hits(), b.hits());
        assertTrue(a.chunks() > 30 && a.chunks() < 400, "chunks: " + a.chunks());
    }

    @Test
    void everyStageIsBudgetedRecordedAndInTheTree() {
        RunResult r = javaRun();
        List<String> names = r.rows().stream().map(row -> row.report().name()).toList();
        assertEquals(List.of("load", "clean", "chunk", "embed", "index", "ingest", "query.embed", "query.search",
                "query"), names);
        StageReport clean = r.rows().get(1).report();
        assertEquals(60, clean.snapshot().calls(), "clean runs once per document in ingest and in refresh");
        long unchanged = RagPipeline.edit(EuroparlCorpus.read(30), 0.2, 42).stream()
                .filter(d -> !d.body().endsWith(" (amended)")).count();
        assertEquals(unchanged, r.chunkMemo().hits(), "the refresh pass hits the memo for unchanged documents");
        assertEquals(60 - unchanged, r.chunkMemo().misses());
        assertEquals(List.of("load", "clean", "chunk", "embed", "index"),
                r.trees().get(0).children().stream().map(StageReport::name).toList());
        assertEquals(List.of("query.embed", "query.search"),
                r.trees().get(1).children().stream().map(StageReport::name).toList());
        assertEquals(25, r.trees().get(1).snapshot().calls());
        assertTrue(r.rows().get(0).report().snapshot().allocatedBytes().isPresent(), "allocation is tracked");
    }

    @Test
    void manyCallStagesAreCutIntoRoundsThatAddUpToTheirCalls() {
        RunResult r = javaRun();
        for (StageRow row : r.rows()) {
            long calls = row.rounds().stream().mapToLong(StageSnapshot::calls).sum();
            assertEquals(row.report().snapshot().calls(), calls, row.stage());
            int expected = switch (row.stage()) {
                case "load", "index", "ingest" -> 1;
                case "clean", "chunk" -> Rounds.COUNT + 1; // five ingest rounds, then the refresh pass
                case "embed" -> Math.min(Rounds.COUNT, (int) calls);
                default -> Rounds.COUNT;
            };
            assertEquals(expected, row.rounds().size(), row.stage());
        }
    }

    @Test
    void endToEndStagesCarryTheirOwnPeakRss() {
        RunResult r = javaRun();
        for (StageRow row : r.rows()) {
            boolean bounded = row.report().verdict().budget().limit(Dimension.RSS).isPresent();
            assertEquals(bounded, row.report().snapshot().peakRssBytes().isPresent(), row.stage());
        }
        StageRow ingest = r.rows().get(5);
        assertEquals("ingest", ingest.stage());
        assertTrue(ingest.peakRssBytes() > 50L << 20, "a JVM with a model loaded is bigger than 50 MiB: "
                + ingest.peakRssBytes());
    }

    @Test
    void searchResultsAreEqualAcrossBackendsUpToTies() {
        RunResult reference = javaRun();
        for (String backend : Backends.available()) {
            RunResult other = run(backend);
            for (int q = 0; q < reference.hits().size(); q++) {
                assertSameUpToTies(reference.hits().get(q), other.hits().get(q), backend + " question " + q);
            }
        }
    }

    /** Same scores rank by rank; ids may differ only among hits whose scores tie within 1e-5. */
    static void assertSameUpToTies(List<Hit> expected, List<Hit> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        float eps = 1e-5f;
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).score(), actual.get(i).score(), eps, what + " rank " + i);
        }
        float last = expected.get(expected.size() - 1).score();
        Set<String> clearE = new HashSet<>();
        Set<String> clearA = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).score() > last + eps) {
                clearE.add(expected.get(i).chunkId());
            }
            if (actual.get(i).score() > last + eps) {
                clearA.add(actual.get(i).chunkId());
            }
        }
        assertEquals(clearE, clearA, what + ": hits above the last score's tie group");
        List<String> ids = new ArrayList<>();
        actual.forEach(h -> ids.add(h.chunkId()));
        assertFalse(ids.size() != new HashSet<>(ids).size(), what + ": duplicate hits");
    }
}
