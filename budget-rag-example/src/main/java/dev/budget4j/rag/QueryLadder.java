package dev.budget4j.rag;

import dev.budget4j.Budget;
import dev.budget4j.Check;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.InSitu;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.Rounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the query stage gets its search: budget-profile's {@link Ladder} over every
 * {@link SearchRung} (float scoring on plain Java, Vector API and native, then int8 scoring on
 * each), measured in isolation and then in situ — each rung inside real query calls, after that
 * question's embedding, as the pipeline runs it — and chosen by the in-situ figures.
 */
final class QueryLadder {
    /** Query vectors the ladder checks and measures each rung on in isolation. */
    static final int SAMPLES = 16;
    /** Unrecorded calls per rung before the isolated measurement. */
    static final int WARMUP = 100;
    /** Recorded calls per round of the isolated measurement. */
    static final int CALLS = 40;
    /** Unrecorded real query calls per rung before the in-situ measurement. */
    static final int IN_SITU_WARMUP = 20;
    /**
     * Recorded real query calls per rung in situ, at most: as many as the run asks questions (200
     * by default), at least {@value #IN_SITU_MIN_CALLS}.
     */
    static final int IN_SITU_CALLS = 200;
    /** Recorded real query calls per rung in situ, at least. */
    static final int IN_SITU_MIN_CALLS = 10;
    /**
     * The fraction of each sample question's exact hits an int8 rung must return to count as
     * equivalent: with 5 hits, at most one may be missed (and replaced by the next best row).
     */
    static final double MIN_RECALL = 0.8;

    private QueryLadder() {
    }

    /**
     * Runs the ladder and picks the query stage's search.
     *
     * @param index the index
     * @param questions the run's questions; the first {@value #SAMPLES} are the isolated samples,
     *     all of them feed the real calls in situ and the int8 recall figure
     * @param embedder embeds questions, in the real calls as in the pipeline
     * @param budget {@code query.search}'s budget
     * @param k hits per question
     * @param seed seeds the harness and the in-situ order
     * @param forced the backend forced for every stage (its float rung is used), or null
     * @param forcedBy what forced it, for the reason
     * @return the search, why, the ladder and the int8 recall
     */
    static QueryBackend choose(VectorIndex index, List<String> questions, Embedder embedder, Budget budget, int k,
            long seed, VectorKernels forced, String forcedBy) {
        List<float[]> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, questions.size()); i++) {
            samples.add(embedder.embed(questions.get(i)));
        }
        List<SearchRung> rungs = SearchRung.ladder(Kernels.available());
        Ladder.Builder<float[], List<Hit>> b = Ladder.<float[], List<Hit>>builder();
        for (SearchRung rung : rungs) {
            Stage<float[], List<Hit>> search = Stage.of("query.search", (float[] q) -> rung.search(index, q, k));
            if (rung.int8()) {
                b.rung(rung.name(), search, SearchEquivalence.approximate(MIN_RECALL));
            } else {
                b.rung(rung.name(), search);
            }
        }
        Ladder.Site<float[], List<Hit>> site = (call, search) ->
                search.apply(embedder.embed(questions.get(call % questions.size())));
        Ladder.Result<float[], List<Hit>> ladder = b.budget(budget).inputs(samples)
                .equivalence(SearchEquivalence.hits())
                .harness(Harness.builder().warmupIterations(WARMUP).iterations(CALLS).rounds(Rounds.DEFAULT_COUNT).seed(seed)
                        .inputPoolSize(samples.size()).build())
                .build()
                .climbInSitu(site, InSitu.builder().warmupCalls(IN_SITU_WARMUP)
                        .calls(Math.max(IN_SITU_MIN_CALLS, Math.min(IN_SITU_CALLS, questions.size()))).seed(seed).build());

        SearchRung used;
        String reason;
        if (forced != null) {
            used = SearchRung.floats(forced);
            reason = "forced by " + forcedBy + "; the ladder's figures are for comparison";
        } else if (ladder.chosen().isPresent()) {
            used = byName(rungs, ladder.chosen().get().name());
            reason = "chosen by the ladder: the lowest rung that gives plain Java's results (an int8 rung: at least "
                    + Math.round(MIN_RECALL * 100) + "% of each sample's hits, with exact scores) and meets query.search's"
                    + " budget " + budget + " in situ, inside real query calls";
        } else {
            Optional<Ladder.Rung> closest = closest(ladder);
            used = closest.map(r -> byName(rungs, r.name())).orElse(SearchRung.floats(Kernels.active()));
            reason = "no rung meets query.search's budget " + budget + " in situ; using "
                    + (closest.isPresent() ? "the closest there, " + used.name() : "the active backend");
        }
        List<float[]> vectors = new ArrayList<>(questions.size());
        for (String q : questions) {
            vectors.add(embedder.embed(q));
        }
        SearchRung int8 = used.int8() ? used : rungs.get(rungs.size() - 1);
        return new QueryBackend(used, reason, ladder, Int8Recall.measure(index, vectors, int8));
    }

    private static SearchRung byName(List<SearchRung> rungs, String name) {
        return rungs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The equivalent rung that uses the least of its worst in-situ limit. */
    static Optional<Ladder.Rung> closest(Ladder.Result<?, ?> ladder) {
        return ladder.rungs().stream().filter(r -> r.inSituVerdict() != null)
                .min(Comparator.comparingDouble(QueryLadder::worstUse));
    }

    private static double worstUse(Ladder.Rung r) {
        double worst = 0;
        for (Check c : r.inSituVerdict().checks()) {
            double used = c.budgetUsed();
            worst = Math.max(worst, Double.isNaN(used) ? Double.POSITIVE_INFINITY : used);
        }
        return worst;
    }

    /**
     * What to say when {@code query.search} misses its budget in the pipeline: the violation, the
     * rung it ran with, and the rungs that met the budget in situ (the ones that would meet it),
     * or that none did.
     *
     * @param query the search the run used and its ladder
     * @param searchVerdict {@code query.search}'s verdict over the run's questions
     * @return one paragraph, or empty when the budget was met
     */
    static Optional<String> violationNote(QueryBackend query, Verdict searchVerdict) {
        if (searchVerdict.outcome() != dev.budget4j.Outcome.VIOLATED) {
            return Optional.empty();
        }
        List<String> violations = searchVerdict.violations().stream().map(Object::toString).toList();
        StringBuilder out = new StringBuilder("query.search VIOLATED its budget with rung " + query.rung().name() + ": "
                + String.join("; ", violations) + ". ");
        List<Ladder.Rung> met = query.ladder().rungs().stream().filter(Ladder.Rung::qualifies).toList();
        if (met.isEmpty()) {
            out.append("No rung met the budget in situ either");
            closest(query.ladder()).ifPresent(c -> out.append("; the closest was ").append(c.name()).append(" (p50 ")
                    .append(Format.nanos(c.inSitu().percentileNanos(50))).append(")"));
            return Optional.of(out.append('.').toString());
        }
        List<String> names = new ArrayList<>();
        for (Ladder.Rung r : met) {
            names.add(r.name() + " (p50 " + Format.nanos(r.inSitu().percentileNanos(50)) + ")");
        }
        out.append("In situ the ladder measured the budget met by ").append(String.join(", ", names));
        if (met.stream().anyMatch(r -> r.name().equals(query.rung().name()))) {
            out.append(": this rung met it in the ladder's real calls, so the run's own calls were slower"
                    + " (a busier machine, or drift); run again on a quieter one");
        } else {
            out.append(": the rung that would meet it is ").append(met.get(0).name());
        }
        return Optional.of(out.append('.').toString());
    }
}
