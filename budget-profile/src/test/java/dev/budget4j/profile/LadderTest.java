package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.ManualTicker;
import dev.budget4j.Stage;
import dev.budget4j.profile.equivalence.Tolerance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LadderTest {
    static float plainSum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    static float unrolledSum(float[] v) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            a += v[i];
            b += v[i + 1];
            c += v[i + 2];
            d += v[i + 3];
        }
        for (; i < v.length; i++) {
            a += v[i];
        }
        return (a + b) + (c + d);
    }

    static float slowSum(float[] v) {
        long end = System.nanoTime() + 200_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return plainSum(v);
    }

    static List<float[]> samples() {
        SplittableRandom r = new SplittableRandom(3);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] v = new float[1024];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) r.nextDouble();
            }
            out.add(v);
        }
        return out;
    }

    static final Harness H = Harness.builder().warmupIterations(300).iterations(200).rounds(3).build();

    @Test
    void picksTheLowestRungThatMeetsTheBudgetAndSkipsWrongOnes() {
        Ladder.Result<float[], Float> r = Ladder.<float[], Float>builder()
                .rung("slow", Stage.of("slow", LadderTest::slowSum))
                .rung("wrong", Stage.of("wrong", (float[] v) -> plainSum(v) + 1))
                .rung("unrolled", Stage.of("unrolled", LadderTest::unrolledSum))
                .rung("plain", Stage.of("plain", LadderTest::plainSum))
                .budget(Budget.parse("p50<=100us"))
                .inputs(samples())
                .equivalence(Tolerance.absolute(1e-5 * 1024).forNumbers())
                .harness(H)
                .build().climb();
        String table = r.toTable();
        assertEquals("unrolled", r.chosen().orElseThrow().name(), table);
        Ladder.Rung slow = r.rungs().get(0);
        assertFalse(slow.qualifies(), table);
        Ladder.Rung wrong = r.rungs().get(1);
        assertFalse(wrong.equivalent());
        assertTrue(wrong.mismatch().contains("'wrong' vs 'slow'"), wrong.mismatch());
        assertTrue(r.rungs().get(2).speedup() > 2, table);
        assertTrue(table.contains("chosen: unrolled"), table);
    }

    @Test
    void noRungMeetingTheBudgetIsSaid() {
        Ladder.Result<float[], Float> r = Ladder.<float[], Float>builder()
                .rung("slow", Stage.of("slow", LadderTest::slowSum)).budget(Budget.parse("p50<=1us")).inputs(samples())
                .harness(H).build().climb();
        assertTrue(r.chosen().isEmpty());
        assertTrue(r.toTable().contains("chosen: none"));
    }

    @Test
    void incompleteLaddersAreRefused() {
        assertThrows(IllegalStateException.class, () -> Ladder.<float[], Float>builder().budget(Budget.parse("p50<=1us"))
                .inputs(samples()).build());
        assertThrows(IllegalArgumentException.class, () -> Ladder.<float[], Float>builder()
                .rung("a", Stage.of("a", LadderTest::plainSum)).rung("a", Stage.of("a", LadderTest::plainSum)));
        assertThrows(IllegalArgumentException.class, () -> Ladder.<float[], Float>builder().inputs(List.of()));
    }

    // ------------------------------------------------------------ in situ

    /**
     * A deterministic stand-in for a search over an index that the program around it evicts from
     * the caches: each call costs {@code warm} ns on the manual clock when the previous call left
     * the data cached, {@code cold} ns when the program evicted it since.
     */
    static final class Cache {
        final ManualTicker clock = new ManualTicker();
        boolean warm;

        Stage<Integer, Double> rung(String name, long warmNanos, long coldNanos, double offset) {
            return Stage.of(name, (Integer x) -> {
                clock.advanceNanos(warm ? warmNanos : coldNanos);
                warm = true;
                return 2.0 * x + offset;
            });
        }

        /** The real call: the program's own work evicts the data, then the stage runs. */
        Ladder.Site<Integer, Double> site() {
            return (call, stage) -> {
                warm = false;
                stage.apply(call % 7);
            };
        }
    }

    static InSitu situ(ManualTicker clock) {
        return InSitu.builder().warmupCalls(3).calls(50).seed(7).ticker(clock).build();
    }

    @Test
    void inSituTheLadderMovesUpToTheRungThatMeetsTheBudgetWhereItRunsAndSaysWhy() {
        Cache cache = new Cache();
        // snippet: in-situ
        Ladder.Result<Integer, Double> r = Ladder.<Integer, Double>builder()
                .rung("float", cache.rung("float", 100_000, 1_200_000, 0))    // 100 µs warm, 1.2 ms cold
                .rung("int8", cache.rung("int8", 150_000, 400_000, 1e-9),      // 150 µs warm, 400 µs cold,
                        Tolerance.absolute(1e-6).forNumbers())                 // approximate: its own equivalence
                .budget(Budget.parse("p50<=800us"))
                .inputs(List.of(1, 2, 3))
                .harness(H)
                .build()
                .climbInSitu((call, stage) -> {    // one real call of the program around the stage:
                    cache.warm = false;            // the program's own work evicts the stage's data,
                    stage.apply(call % 7);         // then the stage runs
                }, InSitu.builder().warmupCalls(3).calls(50).seed(7).ticker(cache.clock).build());
        System.out.println(r.toTable());   // isolated and in-situ figures side by side, the choice, any WARNING
        // snippet end
        String table = r.toTable();
        assertTrue(r.inSitu());
        Ladder.Rung f = r.rungs().get(0);
        Ladder.Rung q = r.rungs().get(1);
        assertTrue(q.equivalent(), table);
        assertEquals("float", r.isolatedChoice().map(Ladder.Rung::name).orElse("none"),
                "the warm loop picks float: " + table);
        assertEquals(1_200_000, f.inSitu().percentileNanos(50), 1_200_000 / 1000.0, table);
        assertEquals(400_000, q.inSitu().percentileNanos(50), 400_000 / 1000.0, table);
        assertEquals(50, f.inSitu().calls());
        assertFalse(f.qualifies());
        assertTrue(f.qualifiesInIsolation());
        assertEquals("int8", r.chosen().orElseThrow().name(), table);
        assertEquals(1.0, f.speedup());
        assertEquals(3.0, q.speedup(), 0.01, "in situ, int8 is 3x faster: " + table);
        assertEquals(1, r.warnings().size(), table);
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("rung 'float' meets the budget in isolation (p50 "), w);
        assertTrue(w.contains("but not in situ: stage 'float': p50 was 1.2ms, budget p50<=800us (50 samples)"), w);
        assertTrue(w.endsWith("; chosen instead: 'int8'"), w);
        assertTrue(table.contains("in situ p50"), table);
        assertTrue(table.contains("chosen: int8 (the lowest rung that is equivalent and meets the budget in situ)"), table);
        assertTrue(table.contains("WARNING: rung 'float'"), table);
    }

    @Test
    void inSituNoRungMeetingTheBudgetIsNamedWithTheClosest() {
        Cache cache = new Cache();
        Ladder.Result<Integer, Double> r = Ladder.<Integer, Double>builder()
                .rung("float", cache.rung("float", 100_000, 1_200_000, 0))
                .rung("int8", cache.rung("int8", 150_000, 900_000, 0))
                .budget(Budget.parse("p50<=800us"))
                .inputs(List.of(1, 2, 3))
                .harness(H)
                .build().climbInSitu(cache.site(), situ(cache.clock));
        assertTrue(r.chosen().isEmpty(), r.toTable());
        assertEquals(2, r.warnings().size(), r.toTable());
        assertTrue(r.warnings().get(1).startsWith("no equivalent rung meets the budget in situ; the closest is 'int8': "
                + "stage 'int8': p50 was 900"), r.warnings().get(1));
        assertTrue(r.toTable().contains("chosen: none; no equivalent rung meets the budget in situ"), r.toTable());
    }

    @Test
    void inSituRungsAreInterleavedInSeededShuffledBlocks() {
        List<String> calls = new ArrayList<>();
        Ladder.Site<Integer, Double> site = (call, stage) -> {
            assertEquals(calls.size(), call, "real calls are numbered from 0");
            calls.add(stage.name());
            stage.apply(call);
        };
        Ladder<Integer, Double> ladder = Ladder.<Integer, Double>builder()
                .rung("a", Stage.of("a", (Integer x) -> 2.0 * x))
                .rung("b", Stage.of("b", (Integer x) -> 2.0 * x))
                .rung("wrong", Stage.of("wrong", (Integer x) -> 3.0 * x))
                .rung("c", Stage.of("c", (Integer x) -> 2.0 * x))
                .budget(Budget.parse("p50<=1s")).inputs(List.of(1, 2)).harness(H).build();
        InSitu config = InSitu.builder().warmupCalls(2).calls(30).seed(11).build();
        Ladder.Result<Integer, Double> r = ladder.climbInSitu(site, config);
        assertEquals(3 * 32, calls.size(), "each equivalent rung once per block; the wrong one never");
        Set<String> orders = new HashSet<>();
        for (int block = 0; block < 32; block++) {
            List<String> b = calls.subList(3 * block, 3 * block + 3);
            assertEquals(Set.of("a", "b", "c"), new HashSet<>(b), "block " + block + " is a permutation: " + b);
            orders.add(String.join("", b));
        }
        assertTrue(orders.size() >= 4, "the order is shuffled, not round-robin: " + orders);
        assertNull(r.rungs().get(2).inSitu());
        assertEquals(30, r.rungs().get(0).inSitu().calls());
        List<String> again = new ArrayList<>(calls);
        calls.clear();
        ladder.climbInSitu(site, config);
        assertEquals(again, calls, "the same seed gives the same order");
        calls.clear();
        ladder.climbInSitu(site, InSitu.builder().warmupCalls(2).calls(30).seed(12).build());
        assertNotEquals(again, calls, "another seed, another order");
    }

    @Test
    void inSituFailuresAreCountedAndASiteThatSkipsTheStageIsRefused() {
        Ladder<Integer, Double> ladder = Ladder.<Integer, Double>builder()
                .rung("a", Stage.of("a", (Integer x) -> 2.0 * x))
                .rung("flaky", Stage.of("flaky", (Integer x) -> {
                    if (x % 2 == 1) {
                        throw new IllegalStateException("odd");
                    }
                    return 2.0 * x;
                }))
                .budget(Budget.parse("errors<=10%")).inputs(List.of(2, 4)).harness(H).build();
        Ladder.Result<Integer, Double> r = ladder.climbInSitu((call, stage) -> stage.apply(call),
                InSitu.builder().warmupCalls(0).calls(40).build());
        Ladder.Rung flaky = r.rungs().get(1);
        assertTrue(flaky.verdict().isMet(), "even inputs only in isolation");
        assertEquals(0.5, flaky.inSitu().errorRate(), 0.2, r.toTable());
        assertFalse(flaky.qualifies());
        assertEquals("a", r.chosen().orElseThrow().name());
        IllegalStateException skipped = assertThrows(IllegalStateException.class,
                () -> ladder.climbInSitu((call, stage) -> { }, InSitu.builder().build()));
        assertEquals("site must call the stage it is given at least once, but real call 0 (rung '"
                + skipped.getMessage().split("'")[1] + "') did not", skipped.getMessage());
        RuntimeException own = new IllegalArgumentException("the program failed");
        assertEquals(own, assertThrows(IllegalArgumentException.class, () -> ladder.climbInSitu((call, stage) -> {
            throw own;
        }, InSitu.builder().build())), "a failure of the program around the stage is not the rung's");
    }

    @Test
    void inSituConfigurationIsCheckedAndSetOnce() {
        assertEquals("calls must be >= 1, but was 0",
                assertThrows(IllegalArgumentException.class, () -> InSitu.builder().calls(0)).getMessage());
        assertEquals("warmupCalls must be >= 0, but was -1",
                assertThrows(IllegalArgumentException.class, () -> InSitu.builder().warmupCalls(-1)).getMessage());
        assertEquals("seed must be set once, but was already set to 1",
                assertThrows(IllegalStateException.class, () -> InSitu.builder().seed(1).seed(2)).getMessage());
        assertEquals("equivalence must not be given for the first rung, the reference, but was given for 'a'",
                assertThrows(IllegalArgumentException.class, () -> Ladder.<Integer, Double>builder()
                        .rung("a", Stage.of("a", (Integer x) -> 1.0), Tolerance.absolute(1).forNumbers())).getMessage());
        InSitu d = InSitu.builder().build();
        assertEquals(20, d.warmupCalls());
        assertEquals(200, d.calls());
    }

    @Test
    void theReadmeShowsTheInSituExampleAsCompiled() throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/test/java/dev/budget4j/profile/LadderTest.java"));
        int begin = lines.indexOf("        // snippet: in-situ");
        int end = lines.indexOf("        // snippet end");
        assertTrue(begin >= 0 && end > begin, "snippet markers");
        StringBuilder snippet = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            snippet.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        }
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertTrue(readme.contains(snippet), "README.md must show LadderTest's in-situ snippet exactly:\n" + snippet);
    }
}
