package dev.budget4j.rag;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Stage;
import dev.budget4j.StageReport;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.Rounds;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spi.MemoryProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The query phase: {@code query = Budget(query.embed → query.search)}, each part budgeted and cut
 * into {@link Rounds}, asked every question. The search's kernel backend is the forced one, else
 * the one budget-profile's {@link Ladder} chooses.
 */
final class Query {
    /** Query vectors the ladder checks and measures each rung on. */
    static final int LADDER_SAMPLES = 16;
    /** Unrecorded calls per rung before the ladder measures it. */
    static final int LADDER_WARMUP = 100;
    /** Recorded calls per round of the ladder (five rounds: p99 has enough calls). */
    static final int LADDER_CALLS = 40;

    private static final List<String> SHOWCASE = List.of(
            "fishing quotas in the North Sea", "human rights in China", "ban on tobacco advertising",
            "the single currency and monetary union", "enlargement of the European Union");

    /**
     * What the phase produced.
     *
     * @param backend the search's kernel backend, why, and the ladder behind it
     * @param questions the questions asked, in order
     * @param hits the results of each question, in order
     * @param stages query.embed, query.search and query, in that order
     * @param tree query's stage tree
     */
    record Result(QueryBackend backend, List<String> questions, List<List<Hit>> hits, List<StageBaseline> stages,
            StageReport tree) {
    }

    private final Options options;
    private final BudgetFile budgets;
    private final Embedder embedder;
    private final VectorKernels forced;
    private final MemoryProbe probe;
    private final PrintStream progressOut;

    /**
     * @param options the run's options
     * @param budgets budgets by stage name
     * @param embedder embeds the questions
     * @param forced the search's kernel backend, or null for the ladder's choice
     * @param probe samples the phase's peak RSS, or null for none
     * @param progressOut where progress goes, or null for none
     */
    Query(Options options, BudgetFile budgets, Embedder embedder, VectorKernels forced, MemoryProbe probe,
            PrintStream progressOut) {
        this.options = options;
        this.budgets = budgets;
        this.embedder = embedder;
        this.forced = forced;
        this.probe = probe;
        this.progressOut = progressOut;
    }

    Result run(VectorIndex idx) {
        List<String> questions = questions(idx, options.queries(), options.seed());
        QueryBackend chosen = chooseBackend(idx, questions);
        VectorKernels backend = chosen.kernels();
        BudgetedStage<String, float[]> queryEmbed = Budgeted.stage(budgets, "query.embed", embedder::embed);
        BudgetedStage<float[], List<Hit>> querySearch = Budgeted.stage(budgets, "query.search",
                (float[] q) -> idx.search(q, options.k(), backend));
        BudgetedStage<String, List<Hit>> query = Budgeted.stage(budgets,
                queryEmbed.andThen(querySearch).withName("query"));
        Rounds embedRounds = Rounds.of(queryEmbed);
        Rounds searchRounds = Rounds.of(querySearch);
        Rounds queryRounds = Rounds.of(query);
        for (int i = 0; i < Math.min(20, questions.size()); i++) {
            idx.search(embedder.embed(questions.get(i)), options.k(), backend); // warm-up, not recorded
        }
        List<List<Hit>> answers = new ArrayList<>(questions.size());
        List<StageBaseline> stages = new ArrayList<>();
        try (Phase phase = Phase.open(probe)) {
            Progress p = Progress.to(progressOut, "asking", questions.size());
            for (int i = 0; i < questions.size(); i++) {
                answers.add(query.apply(questions.get(i)));
                embedRounds.cutAt(i + 1, questions.size());
                searchRounds.cutAt(i + 1, questions.size());
                queryRounds.cutAt(i + 1, questions.size());
                p.update(i + 1);
            }
            phase.close();
            stages.add(embedRounds.toBaseline(phase.window()));
            stages.add(searchRounds.toBaseline(phase.window()));
            stages.add(queryRounds.toBaseline(phase.window()));
        }
        return new Result(chosen, questions, answers, List.copyOf(stages), query.report());
    }

    /**
     * The query stage's backend: the forced one, else the ladder's choice — every available rung
     * (plain, vector, native) is checked against plain on sample questions, measured with the
     * harness, and the lowest rung that meets {@code query.search}'s budget wins. With none, the
     * active backend is used. The ladder runs (and is printed) in both cases.
     */
    private QueryBackend chooseBackend(VectorIndex idx, List<String> questions) {
        int k = options.k();
        List<float[]> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(LADDER_SAMPLES, questions.size()); i++) {
            samples.add(embedder.embed(questions.get(i)));
        }
        List<VectorKernels> rungs = new ArrayList<>(Kernels.available());
        Collections.reverse(rungs); // plain Java first, then vector, then native
        Ladder.Builder<float[], List<Hit>> b = Ladder.<float[], List<Hit>>builder();
        for (VectorKernels kernels : rungs) {
            b.rung(Backends.rungName(kernels), Stage.of("query.search",
                    (float[] q) -> idx.search(q, k, kernels)));
        }
        Budget budget = budgets.budget("query.search");
        Ladder.Result<float[], List<Hit>> ladder = b.budget(budget).inputs(samples)
                .equivalence(SearchEquivalence.hits())
                .harness(Harness.builder().warmupIterations(LADDER_WARMUP).iterations(LADDER_CALLS)
                        .rounds(Rounds.DEFAULT_COUNT).seed(options.seed()).inputPoolSize(samples.size()).build())
                .build().climb();
        if (forced != null) {
            String by = options.backend() != null ? "--backend " + options.backend()
                    : Backends.forcedByProperty() ? "-D" + Kernels.BACKEND_PROPERTY + "=" + forced.name() : "the caller";
            return new QueryBackend(forced, "forced by " + by + "; the ladder's figures are for comparison", ladder);
        }
        if (ladder.chosen().isPresent()) {
            String rung = ladder.chosen().get().name();
            VectorKernels k2 = rungs.stream().filter(x -> Backends.rungName(x).equals(rung)).findFirst().orElseThrow();
            return new QueryBackend(k2, "chosen by the ladder: the lowest rung that gives plain Java's results and meets"
                    + " query.search's budget " + budget, ladder);
        }
        return new QueryBackend(Kernels.active(), "no rung meets query.search's budget " + budget
                + "; using the active backend", ladder);
    }

    /** A few fixed questions, then the opening words of seeded random chunks. */
    static List<String> questions(VectorIndex idx, int count, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i < SHOWCASE.size()) {
                out.add(SHOWCASE.get(i));
                continue;
            }
            String text = idx.chunk(random.nextInt(idx.size())).text();
            String[] words = text.split(" ");
            int from = Math.min(words.length - 1, 1);
            int to = Math.min(words.length, from + 10);
            String q = String.join(" ", java.util.Arrays.asList(words).subList(from, to)).strip();
            out.add(q.isEmpty() ? text : q);
        }
        return out;
    }
}
