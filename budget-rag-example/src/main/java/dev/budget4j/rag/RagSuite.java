package dev.budget4j.rag;

import dev.budget4j.Budget;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.StageSuite;
import dev.budget4j.profile.SuiteStage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The example's gateable hot stages as a budget-profile {@link StageSuite}, measured in fresh JVMs
 * by {@code --save-baseline} and {@code --baseline FILE --gate} (and by budget-profile's
 * {@code GateCommand measure|gate --suite dev.budget4j.rag.RagSuite}). Each stage is the
 * pipeline's own code on seeded inputs that a child JVM builds in well under a second, without
 * the embedding model or the network:
 * <ul>
 *   <li>{@code clean}: {@link Cleaner#clean} on real Europarl documents (the first 2,000);</li>
 *   <li>{@code chunk}: {@link Chunking#chunk} (the pipeline's chunker) on those documents
 *       cleaned, 300 code points with an overlap of 30;</li>
 *   <li>{@code query.search}: {@link VectorIndex#search} (score every row, then top 5) over a
 *       {@link SyntheticIndex} of the default run's size, for queries near a random row.</li>
 * </ul>
 * Each stage carries its budget from {@code budgets.properties}, overridable without a rebuild as
 * every budgeted stage is ({@code -Dbudget4j.budget.query.search=...} or the environment variable
 * {@code BUDGET4J_BUDGET_QUERY_SEARCH}; children inherit both). The search's kernel
 * backend is {@link Kernels#active()}: the most preferred one available, or the one
 * {@code -Dbudget4j.kernels=java|vector|native} forces.
 */
public final class RagSuite implements StageSuite {
    /** The stages' names, in the order they are measured. */
    public static final List<String> STAGES = List.of("clean", "chunk", "query.search");

    /** Creates the suite; the data is loaded on the first input, not here. */
    public RagSuite() {
    }

    @Override
    public List<SuiteStage<?>> stages() {
        BudgetFile budgets = Shipped.budgets();
        Options defaults = Options.defaults();
        VectorKernels kernels = Kernels.active();
        int size = defaults.chunkSize();
        int overlap = defaults.overlap();
        int k = defaults.k();
        Stage<Document, CleanDoc> clean = Stage.of("clean", Cleaner::clean);
        Stage<CleanDoc, List<Chunk>> chunk = Stage.of("chunk", (CleanDoc d) -> Chunking.chunk(d, size, overlap));
        Stage<float[], List<Hit>> search = Stage.of("query.search",
                (float[] q) -> SyntheticIndex.get().search(q, k, kernels));
        return List.of(
                SuiteStage.of(clean, SuiteDocs::any, budget(clean, budgets)),
                SuiteStage.of(chunk, (SplittableRandom r) -> Cleaner.clean(SuiteDocs.any(r)), budget(chunk, budgets)),
                SuiteStage.of(search, SyntheticIndex::query, budget(search, budgets)));
    }

    /**
     * A stage's budget as the pipeline's budgeted stage of that name would have it: from the file,
     * unless a system property or environment variable overrides it (budget-core resolves that).
     */
    static Budget budget(Stage<?, ?> stage, BudgetFile budgets) {
        return Budgets.budgetedStage(stage, budgets.budget(stage.name())).report().verdict().budget();
    }
}
