package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Single and batch embeddings agree within the documented tolerances: a one-text ONNX call equals
 * the library's vector to {@link OnnxBatchEmbedder#SINGLE_TOLERANCE} per component (below the
 * tokenizer's cut); a text's vector from any batch is within cosine
 * {@link OnnxBatchEmbedder#MIN_BATCH_COSINE} of its one-text vector.
 */
class EmbeddingEquivalenceProperties {
    private static final List<String> TEXTS = Slice.chunkTexts(12, 48);
    private static final List<float[]> SINGLE = new ArrayList<>();

    private static synchronized float[] single(int i) {
        while (SINGLE.size() <= i) {
            SINGLE.add(Slice.onnx().embed(TEXTS.get(SINGLE.size())));
        }
        return SINGLE.get(i);
    }

    @Test
    void oneTextCallEqualsTheLibraryBelowTheTokenCut() {
        int compared = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            String t = TEXTS.get(i);
            if (Slice.onnx().tokenCount(t) < OnnxBatchEmbedder.MAX_TOKENS) {
                float[] lib = Slice.library().embed(t);
                assertEquals(384, lib.length);
                double d = Slice.maxAbsDiff(lib, single(i));
                assertTrue(d <= OnnxBatchEmbedder.SINGLE_TOLERANCE, "text " + i + " differs by " + d);
                compared++;
            }
        }
        assertTrue(compared >= 10, "too few texts below the token cut: " + compared);
    }

    @Test
    void libraryBatchEqualsLibrarySingle() {
        List<String> few = TEXTS.subList(0, 8);
        float[][] batch = Slice.library().embedAll(few);
        for (int i = 0; i < few.size(); i++) {
            assertTrue(Slice.maxAbsDiff(batch[i], Slice.library().embed(few.get(i))) <= 1e-6, "text " + i);
        }
    }

    @Property(tries = 12)
    void anyBatchIsWithinTheCosineToleranceOfOneTextCalls(@ForAll @IntRange(min = 1, max = 24) int size,
            @ForAll long seed) {
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            picks.add(i);
        }
        Collections.shuffle(picks, new Random(seed));
        picks = picks.subList(0, size);
        List<String> batch = new ArrayList<>();
        picks.forEach(i -> batch.add(TEXTS.get(i)));
        float[][] out = Slice.onnx().embedAll(batch);
        assertEquals(size, out.length);
        for (int j = 0; j < size; j++) {
            float[] one = single(picks.get(j));
            double cos = Slice.cosine(out[j], one);
            assertTrue(cos >= OnnxBatchEmbedder.MIN_BATCH_COSINE, "text " + picks.get(j) + " cosine " + cos);
            assertEquals(1.0, Slice.cosine(out[j], out[j]) * 0 + norm(out[j]), 1e-5, "unit length");
        }
    }

    @Test
    void aBatchOfOneIsTheOneTextCall() {
        for (int i = 0; i < 4; i++) {
            float[] batchOfOne = Slice.onnx().embedAll(List.of(TEXTS.get(i)))[0];
            assertEquals(0.0, Slice.maxAbsDiff(batchOfOne, single(i)));
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
