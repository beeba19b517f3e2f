package dev.budget4j.rag;

import java.util.List;

/** Turns text into unit-length vectors. Implementations are thread-safe. */
public interface Embedder extends AutoCloseable {

    /** @return a short name for reports */
    String name();

    /** @return vector length, e.g. 384 */
    int dimension();

    /**
     * Embeds one text.
     *
     * @param text not null, not blank
     * @return a new vector of {@link #dimension()} floats with L2 norm 1 (within 1e-6)
     */
    float[] embed(String text);

    /**
     * Embeds many texts in one call.
     *
     * @param texts not null, none blank
     * @return one new vector per text, in order
     */
    float[][] embedAll(List<String> texts);

    /** Releases native resources. */
    @Override
    void close();
}
