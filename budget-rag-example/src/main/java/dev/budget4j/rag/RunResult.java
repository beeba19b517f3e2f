package dev.budget4j.rag;

import dev.budget4j.CacheStats;
import dev.budget4j.StageReport;
import dev.budget4j.profile.Baseline;
import java.util.List;

/**
 * What one run of the example produced.
 *
 * @param ingestBackend the kernel backend that chunked the documents and normalized the index
 * @param query the kernel backend of the query stage, why it was used, and the ladder behind it
 * @param docs documents ingested
 * @param chunks chunks in the index
 * @param questions the questions asked, in order
 * @param hits the results of each question, in order
 * @param run this run as a budget-profile baseline: per stage, in pipeline order, its figures, its
 *     calls cut into rounds and its budget (each stage's verdict is {@code stage.verdict()}); the
 *     query stage's kernel backend, the machine and the git commit
 * @param trees the stage trees: ingest, query
 * @param chunkMemo the chunk memo's figures after the refresh pass
 * @param comparison single versus batch embedding, or null when skipped
 * @param wallNanos wall time of the whole run in nanoseconds
 * @param peakRssBytes the process's peak RSS during the run, sampled by the memory probe, in bytes; -1 without one
 * @param kernelPeakRssBytes the kernel's own peak RSS of the process (Linux {@code VmHWM}, the whole life of the
 *     process, model loading included), in bytes; -1 where unreadable
 */
public record RunResult(String ingestBackend, QueryBackend query, int docs, int chunks, List<String> questions,
        List<List<Hit>> hits, Baseline run, List<StageReport> trees, CacheStats chunkMemo,
        EmbeddingComparison comparison, long wallNanos, long peakRssBytes, long kernelPeakRssBytes) {

    /** @return the query stage's backend name ({@code java}, {@code vector} or {@code native}) */
    public String backend() {
        return query.kernels().name();
    }
}
