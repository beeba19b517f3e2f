package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.StageReport;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.Rounds;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spi.MemoryProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The query phase: {@code query = Budget(query.embed → query.search)}, each part budgeted and cut
 * into {@link Rounds}, asked every question. The search's kernel backend is the forced one, else
 * the one budget-profile's {@link Ladder} chooses.
 */
final class Query {
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
        SearchRung rung = chosen.rung();
        BudgetedStage<String, float[]> queryEmbed = Budgeted.stage(budgets, "query.embed", embedder::embed);
        BudgetedStage<float[], List<Hit>> querySearch = Budgeted.stage(budgets, "query.search",
                (float[] q) -> rung.search(idx, q, options.k()));
        BudgetedStage<String, List<Hit>> query = Budgeted.stage(budgets,
                queryEmbed.andThen(querySearch).withName("query"));
        Rounds embedRounds = Rounds.of(queryEmbed);
        Rounds searchRounds = Rounds.of(querySearch);
        Rounds queryRounds = Rounds.of(query);
        for (int i = 0; i < Math.min(20, questions.size()); i++) {
            rung.search(idx, embedder.embed(questions.get(i)), options.k()); // warm-up, not recorded
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
     * The query stage's search: the forced backend's float search, else the ladder's choice —
     * every rung (float, then int8 scoring, on each available backend) checked against plain Java
     * on sample questions, measured in isolation and inside real query calls, and the lowest rung
     * that meets {@code query.search}'s budget in situ wins ({@link QueryLadder}). The ladder runs
     * (and is printed) in both cases.
     */
    private QueryBackend chooseBackend(VectorIndex idx, List<String> questions) {
        String by = forced == null ? null : options.backend() != null ? "--backend " + options.backend()
                : Backends.forcedByProperty() ? "-D" + Kernels.BACKEND_PROPERTY + "=" + forced.name() : "the caller";
        return QueryLadder.choose(idx, questions, embedder, budgets.budget("query.search"), options.k(),
                options.seed(), forced, by);
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
