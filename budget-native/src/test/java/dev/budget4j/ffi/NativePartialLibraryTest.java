package dev.budget4j.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.budget4j.ffi.internal.Natives;
import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run against a test build of the library that lacks {@code b4j_score_rows} (named by
 * {@code budget4j.native.library}): the backend still loads, that one function runs in Java, and
 * the other functions stay native.
 */
class NativePartialLibraryTest {

    @Test
    void aMissingSymbolFallsBackForThatFunctionOnly() {
        String expected = System.getProperty("budget4j.native.expectMissing");
        assertNotNull(expected, "run this test through the partial-library surefire execution");
        assertEquals(List.of(expected), Natives.missingSymbols());
        VectorKernels k = Kernels.byName("native").orElseThrow();
        assertEquals("VectorKernels[native, x86-64]", k.toString());

        float[] query = {1, 2, 3, 4};
        FloatMatrix rows = FloatMatrix.of(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1}, 3, 4);
        float[] out = new float[3];
        k.scoreAll(query, rows, out);
        assertArrayEquals(new float[] {1, 2, 10}, out);
        assertEquals(30f, k.dot(query, query));
    }
}
