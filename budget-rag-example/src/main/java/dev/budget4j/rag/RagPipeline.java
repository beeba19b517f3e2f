package dev.budget4j.rag;

import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spi.MemoryProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The retrieval pipeline, every stage under a budget:
 * load → clean → chunk (memoized) → embed (true batches) → index → query (embed, then search).
 * Chunking, normalizing the index, scoring and top-k go through budget4j's kernel backends; the
 * query stage's backend is chosen by budget-profile's {@link Ladder} unless one is forced.
 *
 * <p>Plain wiring of three phases: {@link Ingest}, then (when asked for) the embedding
 * {@link Comparison}, then the questions ({@link Query}). Budgets come from a {@link BudgetFile};
 * each phase cuts its stages' calls into rounds and hands them back as the run's stages, which
 * become this run's {@link Baseline}.
 */
public final class RagPipeline {
    private final Options options;
    private final BudgetFile budgets;
    private final Embedder embedder;
    private final Embedder library;
    private final VectorKernels forced;
    private final MemoryProbe probe;
    private final PrintStream progressOut;

    /**
     * @param options the run's options
     * @param budgets budgets by stage name
     * @param embedder the true-batch embedder used for the index and the questions
     * @param library the library embedder for the comparison, or null to skip it
     * @param forced the kernel backend for every stage, or null: then ingest uses
     *     {@link Kernels#active()} and the query stage the backend the ladder chooses
     * @param probe samples the process's peak RSS per phase and for the run, or null for none
     * @param progressOut where progress goes, or null for none
     */
    public RagPipeline(Options options, BudgetFile budgets, Embedder embedder, Embedder library,
            VectorKernels forced, MemoryProbe probe, PrintStream progressOut) {
        this.options = Args.notNull(options, "options");
        this.budgets = Args.notNull(budgets, "budgets");
        this.embedder = Args.notNull(embedder, "embedder");
        this.library = library;
        this.forced = forced;
        this.probe = probe;
        this.progressOut = progressOut;
    }

    /** @return the run's figures, verdicts and answers */
    public RunResult run() {
        long t0 = System.nanoTime();
        VectorKernels ingestKernels = forced != null ? forced : Kernels.active();
        Ingest.Result ingest;
        Comparison.Result compared = null;
        Query.Result query;
        long runPeak;
        try (Phase whole = Phase.open(probe)) {
            ingest = new Ingest(options, budgets, embedder, ingestKernels, probe, progressOut).run();
            if (library != null && options.compare() > 0) {
                compared = new Comparison(options, budgets, embedder, library, probe, progressOut).run(ingest.index());
            }
            query = new Query(options, budgets, embedder, forced, probe, progressOut).run(ingest.index());
            whole.close();
            runPeak = whole.peakRssBytes();
        }
        List<StageBaseline> stages = new ArrayList<>(ingest.stages());
        if (compared != null) {
            stages.addAll(compared.stages());
        }
        stages.addAll(query.stages());
        Baseline.Builder run = Baseline.builder().kernelBackend(query.backend().kernels().name());
        stages.forEach(run::stage);
        return new RunResult(ingestKernels.name(), query.backend(), ingest.docs(), ingest.index().size(),
                query.questions(), query.hits(), run.build(), List.of(ingest.tree(), query.tree()), ingest.chunkMemo(),
                compared == null ? null : compared.figures(), System.nanoTime() - t0, runPeak,
                probe == null ? -1 : probe.peakRssBytes().orElse(-1));
    }
}
