package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Check;
import dev.budget4j.Dimension;
import dev.budget4j.Limit;
import dev.budget4j.Outcome;
import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.internal.util.Tables;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.internal.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optimization ladder: the same stage written several ways, simplest first (plain Java, then
 * Vector API, then native...). {@link #climb()} checks each rung against the first on sample
 * inputs, measures each equivalent rung with the harness, and picks the lowest rung that meets the
 * budget — the simplest code that is fast enough. A rung that disagrees with the first is never
 * chosen, however fast.
 *
 * <pre>{@code
 * Ladder.Result<float[][], Float> r = Ladder.<float[][], Float>builder()
 *     .rung("plain", plainDot).rung("vector", vectorDot).rung("native", nativeDot)
 *     .budget(Budget.parse("p99<=200ns"))
 *     .inputs(samplePairs)
 *     .equivalence(Tolerance.absolute(1e-3).forNumbers())
 *     .build().climb();
 * System.out.println(r.toTable());
 * }</pre>
 *
 * <p>A rung's figures in a warm loop are not its figures where it runs: between two calls the
 * program around the stage may evict its data from the caches, and a rung that meets the budget
 * in isolation can miss it there. {@link #climbInSitu} measures the rungs inside real calls of the
 * program too, chooses by those figures and says when the isolated figures would have chosen a
 * rung that misses the budget where it runs.
 *
 * <p>An approximate rung (one that may return a slightly different, still acceptable result, such
 * as a quantized search) states its own equivalence with {@link Builder#rung(String, Stage,
 * OutputEquivalence)}; the others are held to the ladder's.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class Ladder<I, O> {
    private final Map<String, Stage<I, ? extends O>> rungs;
    private final Map<String, OutputEquivalence<? super O>> rungEquivalences;
    private final Budget budget;
    private final List<I> inputs;
    private final OutputEquivalence<? super O> equivalence;
    private final Harness harness;

    private Ladder(Builder<I, O> b) {
        this.rungs = new LinkedHashMap<>(b.rungs);
        this.rungEquivalences = new LinkedHashMap<>(b.rungEquivalences);
        this.budget = b.budget;
        this.inputs = List.copyOf(b.inputs);
        this.equivalence = b.equivalence == null ? OutputEquivalence.equality() : b.equivalence;
        this.harness = b.harness == null ? Harness.builder().build() : b.harness;
    }

    /**
     * Starts a ladder.
     *
     * @param <I> the input type
     * @param <O> the output type
     * @return a builder
     */
    public static <I, O> Builder<I, O> builder() {
        return new Builder<>();
    }

    /**
     * One rung's figures.
     *
     * @param name the rung name
     * @param equivalent whether it agreed with the first rung on every sample input
     * @param mismatch the first disagreement, empty when equivalent
     * @param result the measurement in isolation (the harness's warm loop), or null when not
     *     measured (not equivalent)
     * @param verdict the budget checked against {@code result}, or null when not measured
     * @param speedup the first rung's median latency / this rung's, in situ when measured there,
     *     else in isolation (NaN when not measured)
     * @param inSitu the rung's own calls inside real calls of the program ({@link #climbInSitu}),
     *     or null when not measured there
     * @param inSituVerdict the budget's latency, throughput, error and allocation limits checked
     *     against {@code inSitu}, or null when not measured there
     */
    public record Rung(String name, boolean equivalent, String mismatch, HarnessResult result, Verdict verdict,
            double speedup, StageSnapshot inSitu, Verdict inSituVerdict) {

        /**
         * A rung measured in isolation only.
         *
         * @param name see the record description
         * @param equivalent see the record description
         * @param mismatch see the record description
         * @param result see the record description
         * @param verdict see the record description
         * @param speedup see the record description
         */
        public Rung(String name, boolean equivalent, String mismatch, HarnessResult result, Verdict verdict,
                double speedup) {
            this(name, equivalent, mismatch, result, verdict, speedup, null, null);
        }

        /**
         * Whether the ladder may choose this rung: equivalent, and the budget met where it was
         * measured last. Measured in situ, that means the in-situ verdict is met and no limit the
         * in-situ run cannot measure (rss, rss growth, cache hit rate) was violated in isolation;
         * otherwise the isolated verdict is met.
         *
         * @return true when the rung qualifies
         */
        public boolean qualifies() {
            if (!equivalent || verdict == null) {
                return false;
            }
            if (inSituVerdict == null) {
                return verdict.isMet();
            }
            return inSituVerdict.isMet() && verdict.violations().stream()
                    .noneMatch(v -> !IN_SITU_KINDS.contains(v.dimension().kind()));
        }

        /** {@return whether the isolated figures meet the budget, as {@link #climb()} alone would judge} */
        public boolean qualifiesInIsolation() {
            return equivalent && verdict != null && verdict.isMet();
        }
    }

    /** The dimensions an in-situ run measures. */
    static final EnumSet<Dimension.Kind> IN_SITU_KINDS = EnumSet.of(Dimension.Kind.PERCENTILE,
            Dimension.Kind.MAX, Dimension.Kind.THROUGHPUT, Dimension.Kind.ERROR_RATE, Dimension.Kind.ALLOCATION);

    /**
     * One real call of the program around the stage, for {@link #climbInSitu}: it does what the
     * program does around the stage (for a search: embed the question) and calls the rung it is
     * given where the program calls the stage.
     *
     * @param <I> the stage's input type
     * @param <O> the stage's output type
     */
    @FunctionalInterface
    public interface Site<I, O> {
        /**
         * Runs one real call.
         *
         * @param call the real call's number, from 0 and counted over all rungs (pick inputs with it)
         * @param stage the rung, timed; must be called at least once
         */
        void call(int call, Stage<I, O> stage);
    }

    /**
     * The climb.
     *
     * @param rungs every rung, in order
     * @param chosen the lowest rung that qualifies ({@link Rung#qualifies()}), if any: by the
     *     in-situ figures when {@code inSitu}
     * @param budget the budget
     * @param inSitu whether the rungs were also measured where they run ({@link #climbInSitu})
     * @param warnings what the figures warn of, one sentence each: a rung the isolated figures
     *     would choose that misses the budget where it runs, or no rung meeting it there; empty
     *     when there is nothing to say
     * @param <I> the input type
     * @param <O> the output type
     */
    public record Result<I, O>(List<Rung> rungs, Optional<Rung> chosen, Budget budget, boolean inSitu,
            List<String> warnings) {
        /**
         * Copies the lists.
         *
         * @param rungs see the record description
         * @param chosen see the record description
         * @param budget see the record description
         * @param inSitu see the record description
         * @param warnings see the record description
         */
        public Result {
            rungs = List.copyOf(rungs);
            warnings = List.copyOf(warnings);
        }

        /**
         * A climb in isolation only.
         *
         * @param rungs see the record description
         * @param chosen see the record description
         * @param budget see the record description
         */
        public Result(List<Rung> rungs, Optional<Rung> chosen, Budget budget) {
            this(rungs, chosen, budget, false, List.of());
        }

        /** {@return the rung the isolated figures alone choose: the lowest equivalent one meeting the budget in a warm loop} */
        public Optional<Rung> isolatedChoice() {
            return rungs.stream().filter(Rung::qualifiesInIsolation).findFirst();
        }

        /** {@return the figures behind the choice, one row per rung, then the choice and any warnings} */
        public String toTable() {
            List<String[]> rows = new ArrayList<>();
            if (inSitu) {
                rows.add(new String[] {"rung", "equivalent", "isolated p50", "p99", "in situ p50", "p99", "alloc/call",
                    "speed-up", "isolated", "in situ", "chosen"});
                for (Rung r : rungs) {
                    boolean measured = r.result() != null;
                    boolean situ = r.inSitu() != null;
                    rows.add(new String[] {r.name(), r.equivalent() ? "yes" : "NO: " + r.mismatch(),
                        measured ? Units.nanos(r.result().summary(Dimension.percentile(50)).median()) : "-",
                        measured ? Units.nanos(r.result().summary(Dimension.percentile(99)).median()) : "-",
                        situ ? Units.nanos(r.inSitu().percentileNanos(50)) : "-",
                        situ ? Units.nanos(r.inSitu().percentileNanos(99)) : "-",
                        situ && r.inSitu().allocatedBytes().isPresent()
                            ? Units.bytes(r.inSitu().allocatedBytesPerCall())
                            : measured ? Units.bytes(r.result().summary(Dimension.ALLOCATION).median()) : "-",
                        Units.ratio(r.speedup()), r.verdict() == null ? "-" : r.verdict().outcome().name(),
                        r.inSituVerdict() == null ? "-" : r.inSituVerdict().outcome().name(),
                        chosen.isPresent() && chosen.get() == r ? "<==" : ""});
                }
            } else {
                rows.add(new String[] {"rung", "equivalent", "p50", "p99", "throughput", "alloc/call", "speed-up", "budget",
                    "chosen"});
                for (Rung r : rungs) {
                    boolean measured = r.result() != null;
                    rows.add(new String[] {r.name(), r.equivalent() ? "yes" : "NO: " + r.mismatch(),
                        measured ? Units.nanos(r.result().summary(Dimension.percentile(50)).median()) : "-",
                        measured ? Units.nanos(r.result().summary(Dimension.percentile(99)).median()) : "-",
                        measured ? Units.number(r.result().summary(Dimension.THROUGHPUT).median()) + "/s" : "-",
                        measured ? Units.bytes(r.result().summary(Dimension.ALLOCATION).median()) : "-",
                        Units.ratio(r.speedup()), r.verdict() == null ? "-" : r.verdict().outcome().name(),
                        chosen.isPresent() && chosen.get() == r ? "<==" : ""});
                }
            }
            StringBuilder out = new StringBuilder("ladder for budget ").append(budget)
                    .append(inSitu ? ", in isolation (a warm loop) and in situ (inside real calls)" : "").append('\n');
            int[] w = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.max(w[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < w.length; i++) {
                    line.append(row[i]).append(" ".repeat(w[i] - row[i].length() + 2));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            String how = inSitu ? "the lowest rung that is equivalent and meets the budget in situ"
                    : "the lowest rung that is equivalent and meets the budget";
            out.append(chosen.map(r -> "chosen: " + r.name() + " (" + how + ")")
                    .orElse(inSitu ? "chosen: none; no equivalent rung meets the budget in situ"
                            : "chosen: none; no equivalent rung meets the budget")).append('\n');
            for (String warning : warnings) {
                out.append("WARNING: ").append(warning).append('\n');
            }
            return out.toString();
        }
    }

    /**
     * Checks, measures and chooses.
     *
     * @return every rung's figures and the choice
     */
    public Result<I, O> climb() {
        List<Rung> out = isolated();
        return new Result<>(out, out.stream().filter(Rung::qualifies).findFirst(), budget);
    }

    /** Checks each rung against the first and measures the equivalent ones in the harness's warm loop. */
    private List<Rung> isolated() {
        List<Rung> out = new ArrayList<>();
        Stage<I, ? extends O> reference = null;
        double referenceMedian = Double.NaN;
        for (Map.Entry<String, Stage<I, ? extends O>> e : rungs.entrySet()) {
            Stage<I, ? extends O> stage = e.getValue().withName(e.getKey());
            String mismatch = "";
            if (reference == null) {
                reference = stage;
            } else {
                OutputEquivalence<? super O> eq = rungEquivalences.getOrDefault(e.getKey(), equivalence);
                for (I input : inputs) {
                    Optional<String> m = Equivalence.mismatch(reference, stage, input, eq);
                    if (m.isPresent()) {
                        mismatch = m.get();
                        break;
                    }
                }
            }
            if (!mismatch.isEmpty()) {
                out.add(new Rung(e.getKey(), false, mismatch, null, null, Double.NaN));
                continue;
            }
            HarnessResult r = harness.run(stage, random -> inputs.get(random.nextInt(inputs.size())));
            double median = r.summary(Dimension.percentile(50)).median();
            if (Double.isNaN(referenceMedian)) {
                referenceMedian = median;
            }
            out.add(new Rung(e.getKey(), true, "", r, r.evaluate(budget), referenceMedian / median));
        }
        return out;
    }

    /**
     * Checks, measures in isolation, measures again where the stage runs, and chooses by the
     * figures where it runs. After the equivalence check and the harness's warm loop (as in
     * {@link #climb()}), every equivalent rung is run inside real calls of the program
     * ({@code site}), interleaved with the others call by call as {@link InSitu} describes, and
     * only the stage's own time is recorded. The chosen rung is the lowest equivalent one that
     * meets the budget in situ ({@link Rung#qualifies()}).
     *
     * <p>In situ the budget's latency, throughput (calls per second of the stage's own time),
     * error-rate and allocation limits are checked; rss and cache-hit-rate limits keep their
     * isolated verdict. {@link Result#warnings()} says when the rung the isolated figures would
     * choose misses the budget in situ, and when no rung meets it there.
     *
     * <pre>{@code
     * Ladder.Result<float[], List<Hit>> r = ladder.climbInSitu(
     *     (call, search) -> search.apply(embedder.embed(questions.get(call % questions.size()))),
     *     InSitu.builder().warmupCalls(20).calls(200).build());
     * }</pre>
     *
     * @param site one real call of the program around the stage, not null
     * @param config how many real calls, in what order, timed by what clock; not null
     * @return every rung's figures, in isolation and in situ, and the choice
     * @throws IllegalStateException when a real call does not call the stage it is given
     */
    public Result<I, O> climbInSitu(Site<I, O> site, InSitu config) {
        Require.notNull(site, "site");
        Require.notNull(config, "config");
        List<Rung> isolated = isolated();
        List<Stage<I, ? extends O>> measured = new ArrayList<>();
        for (Rung r : isolated) {
            if (r.equivalent()) {
                measured.add(rungs.get(r.name()).withName(r.name()));
            }
        }
        List<StageSnapshot> figures = InSituRun.measure(measured, site, config);
        Budget situBudget = inSituBudget(budget);
        List<Rung> out = new ArrayList<>();
        double referenceMedian = Double.NaN;
        int next = 0;
        for (Rung r : isolated) {
            if (!r.equivalent()) {
                out.add(r);
                continue;
            }
            StageSnapshot s = figures.get(next++);
            double median = s.percentileNanos(50);
            if (Double.isNaN(referenceMedian)) {
                referenceMedian = median;
            }
            Verdict v = situBudget == null ? r.verdict() : situBudget.evaluate(s);
            out.add(new Rung(r.name(), true, "", r.result(), r.verdict(), referenceMedian / median, s, v));
        }
        Optional<Rung> chosen = out.stream().filter(Rung::qualifies).findFirst();
        return new Result<>(out, chosen, budget, true, warnings(out, chosen));
    }

    /** The budget's limits an in-situ run measures, or null when it has none of them. */
    private static Budget inSituBudget(Budget budget) {
        Budget.Builder b = Budget.builder();
        boolean any = false;
        for (Limit l : budget.limits()) {
            if (IN_SITU_KINDS.contains(l.dimension().kind())) {
                b.limit(l);
                any = true;
            }
        }
        return any ? b.build() : null;
    }

    private static List<String> warnings(List<Rung> rungs, Optional<Rung> chosen) {
        List<String> out = new ArrayList<>();
        Optional<Rung> isolatedChoice = rungs.stream().filter(Rung::qualifiesInIsolation).findFirst();
        if (isolatedChoice.isPresent() && !isolatedChoice.get().qualifies()) {
            Rung r = isolatedChoice.get();
            out.add("rung '" + r.name() + "' meets the budget in isolation (p50 "
                    + Units.nanos(r.result().summary(Dimension.percentile(50)).median()) + ") but not in situ: "
                    + violations(r) + chosen.map(c -> "; chosen instead: '" + c.name() + "'").orElse(""));
        }
        if (chosen.isEmpty()) {
            Optional<Rung> closest = rungs.stream().filter(r -> r.inSituVerdict() != null)
                    .min((a, b) -> Double.compare(worstUse(a), worstUse(b)));
            out.add("no equivalent rung meets the budget in situ" + closest.map(c -> "; the closest is '" + c.name()
                    + "': " + violations(c)).orElse(""));
        }
        return out;
    }

    private static String violations(Rung r) {
        List<String> parts = new ArrayList<>();
        r.inSituVerdict().violations().forEach(v -> parts.add(v.toString()));
        r.inSituVerdict().checks().stream().filter(c -> c.outcome() == Outcome.INCONCLUSIVE)
                .forEach(c -> parts.add(c.limit() + " inconclusive: " + c.note()));
        r.verdict().violations().stream().filter(v -> !IN_SITU_KINDS.contains(v.dimension().kind()))
                .forEach(v -> parts.add(v + " (in isolation)"));
        return parts.isEmpty() ? "no violation" : String.join("; ", parts);
    }

    /** The largest fraction of a limit used in situ (above 1 means violated); infinite when unknown. */
    private static double worstUse(Rung r) {
        double worst = 0;
        for (Check c : r.inSituVerdict().checks()) {
            double used = c.budgetUsed();
            worst = Math.max(worst, Double.isNaN(used) ? Double.POSITIVE_INFINITY : used);
        }
        return worst;
    }

    /**
     * Configures a {@link Ladder}.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> {
        private final Map<String, Stage<I, ? extends O>> rungs = new LinkedHashMap<>();
        private final Map<String, OutputEquivalence<? super O>> rungEquivalences = new LinkedHashMap<>();
        private Budget budget;
        private List<I> inputs;
        private OutputEquivalence<? super O> equivalence;
        private Harness harness;

        private Builder() {
        }

        /**
         * Adds the next rung up; the first is the reference.
         *
         * @param name a unique, non-blank name, e.g. {@code "plain"}
         * @param stage the implementation, not null
         * @return this builder
         */
        public Builder<I, O> rung(String name, Stage<I, ? extends O> stage) {
            Require.notBlank(name, "name");
            Require.notNull(stage, "stage");
            if (rungs.putIfAbsent(name, stage) != null) {
                throw new IllegalArgumentException("rung name must be unique, but '" + name + "' was already added");
            }
            return this;
        }

        /**
         * Adds the next rung up, checked against the first with its own equivalence instead of the
         * ladder's: for an approximate rung, such as a quantized search that must return the same
         * top k as the exact one up to a stated recall.
         *
         * @param name a unique, non-blank name, e.g. {@code "int8"}
         * @param stage the implementation, not null
         * @param equivalence when this rung's output agrees with the first rung's, not null
         * @return this builder
         * @throws IllegalArgumentException when this is the first rung (the reference agrees with itself)
         */
        public Builder<I, O> rung(String name, Stage<I, ? extends O> stage, OutputEquivalence<? super O> equivalence) {
            Require.notNull(equivalence, "equivalence");
            if (rungs.isEmpty()) {
                throw new IllegalArgumentException("equivalence must not be given for the first rung, the reference,"
                        + " but was given for '" + name + "'");
            }
            rung(name, stage);
            rungEquivalences.put(name, equivalence);
            return this;
        }

        /**
         * Sets the budget every rung must meet.
         *
         * @param budget what a rung must meet, not null
         * @return this builder
         */
        public Builder<I, O> budget(Budget budget) {
            Require.notNull(budget, "budget");
            if (this.budget != null) {
                throw new IllegalStateException("budget must be set once, but was already set to " + this.budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Sets the inputs each rung is checked and measured on.
         *
         * @param samples inputs for the equivalence check and the measurement, not empty
         * @return this builder
         */
        public Builder<I, O> inputs(List<I> samples) {
            Require.notEmpty(samples, "inputs");
            samples.forEach(s -> Require.notNull(s, "input"));
            if (this.inputs != null) {
                throw new IllegalStateException("inputs must be set once, but were already set");
            }
            this.inputs = List.copyOf(samples);
            return this;
        }

        /**
         * Sets when a rung's output counts as the same as the first rung's.
         *
         * @param equivalence when two outputs agree (default: deep equality)
         * @return this builder
         */
        public Builder<I, O> equivalence(OutputEquivalence<? super O> equivalence) {
            Require.notNull(equivalence, "equivalence");
            if (this.equivalence != null) {
                throw new IllegalStateException("equivalence must be set once, but was already set");
            }
            this.equivalence = equivalence;
            return this;
        }

        /**
         * Sets how each rung is measured.
         *
         * @param harness how to measure each rung (default {@code Harness.builder().build()})
         * @return this builder
         */
        public Builder<I, O> harness(Harness harness) {
            Require.notNull(harness, "harness");
            if (this.harness != null) {
                throw new IllegalStateException("harness must be set once, but was already set");
            }
            this.harness = harness;
            return this;
        }

        /**
         * Builds the ladder.
         *
         * @return the ladder
         * @throws IllegalStateException without rungs, budget or inputs
         */
        public Ladder<I, O> build() {
            if (rungs.isEmpty()) {
                throw new IllegalStateException("rungs must hold at least one rung, but had none");
            }
            if (budget == null) {
                throw new IllegalStateException("budget must be set before build(), but was not");
            }
            if (inputs == null) {
                throw new IllegalStateException("inputs must be set before build(), but were not");
            }
            return new Ladder<>(this);
        }
    }
}
