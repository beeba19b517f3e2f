package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import dev.budget4j.profile.equivalence.Tolerance;
import java.util.ArrayList;
import java.util.List;
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
}
