package dev.budget4j.rag;

/**
 * The same chunks embedded three ways.
 *
 * @param texts chunks embedded
 * @param batch texts per batch call
 * @param librarySingleNanosPerText library, one text per call: wall nanoseconds per text
 * @param libraryBatchNanosPerText library {@code embedAll}: wall nanoseconds per text
 * @param onnxBatchNanosPerText one ONNX call per batch: wall nanoseconds per text
 * @param minCosineBatchVsSingle lowest cosine between a text's batch vector and its library vector
 * @param maxAbsLibraryBatchVsSingle largest component difference between library batch and single
 */
public record EmbeddingComparison(int texts, int batch, double librarySingleNanosPerText,
        double libraryBatchNanosPerText, double onnxBatchNanosPerText, double minCosineBatchVsSingle,
        double maxAbsLibraryBatchVsSingle) {

    /** @return library single time / true batch time */
    public double batchSpeedup() {
        return librarySingleNanosPerText / onnxBatchNanosPerText;
    }

    /** @return library single time / library batch time */
    public double librarySpeedup() {
        return librarySingleNanosPerText / libraryBatchNanosPerText;
    }
}
