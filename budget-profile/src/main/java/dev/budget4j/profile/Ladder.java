package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import dev.budget4j.internal.util.Tables;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.internal.Units;
import java.util.ArrayList;
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
 * @param <I> the input type
 * @param <O> the output type
 */
public final class Ladder<I, O> {
    private final Map<String, Stage<I, ? extends O>> rungs;
    private final Budget budget;
    private final List<I> inputs;
    private final OutputEquivalence<? super O> equivalence;
    private final Harness harness;

    private Ladder(Builder<I, O> b) {
        this.rungs = new LinkedHashMap<>(b.rungs);
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
     * @param result the measurement, or null when not measured (not equivalent)
     * @param verdict the budget checked against the measurement, or null when not measured
     * @param speedup the first rung's median latency / this rung's (NaN when not measured)
     */
    public record Rung(String name, boolean equivalent, String mismatch, HarnessResult result, Verdict verdict,
            double speedup) {

        /** {@return true when equivalent and the budget was met} */
        public boolean qualifies() {
            return equivalent && verdict != null && verdict.isMet();
        }
    }

    /**
     * The climb.
     *
     * @param rungs every rung, in order
     * @param chosen the lowest rung that is equivalent and meets the budget, if any
     * @param budget the budget
     * @param <I> the input type
     * @param <O> the output type
     */
    public record Result<I, O>(List<Rung> rungs, Optional<Rung> chosen, Budget budget) {
        /**
         * Copies the list.
         *
         * @param rungs see the record description
         * @param chosen see the record description
         * @param budget see the record description
         */
        public Result {
            rungs = List.copyOf(rungs);
        }

        /** {@return the figures behind the choice, one row per rung} */
        public String toTable() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"rung", "equivalent", "p50", "p99", "throughput", "alloc/call", "speed-up", "budget", "chosen"});
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
            StringBuilder out = new StringBuilder("ladder for budget ").append(budget).append('\n');
            out.append(Tables.render(rows));
            out.append(chosen.map(r -> "chosen: " + r.name() + " (the lowest rung that is equivalent and meets the budget)")
                    .orElse("chosen: none; no equivalent rung meets the budget")).append('\n');
            return out.toString();
        }
    }

    /**
     * Checks, measures and chooses.
     *
     * @return every rung's figures and the choice
     */
    public Result<I, O> climb() {
        List<Rung> out = new ArrayList<>();
        Stage<I, ? extends O> reference = null;
        double referenceMedian = Double.NaN;
        Rung chosen = null;
        for (Map.Entry<String, Stage<I, ? extends O>> e : rungs.entrySet()) {
            Stage<I, ? extends O> stage = e.getValue().withName(e.getKey());
            String mismatch = "";
            if (reference == null) {
                reference = stage;
            } else {
                for (I input : inputs) {
                    Optional<String> m = Equivalence.mismatch(reference, stage, input, equivalence);
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
            Rung rung = new Rung(e.getKey(), true, "", r, r.evaluate(budget), referenceMedian / median);
            out.add(rung);
            if (chosen == null && rung.qualifies()) {
                chosen = rung;
            }
        }
        return new Result<>(out, Optional.ofNullable(chosen), budget);
    }

    /**
     * Configures a {@link Ladder}.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> {
        private final Map<String, Stage<I, ? extends O>> rungs = new LinkedHashMap<>();
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
