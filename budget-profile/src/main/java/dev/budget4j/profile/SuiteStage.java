package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One stage of a {@link StageSuite}: the stage, how to make its inputs from a seeded random
 * source, and the budget it is held to (if any). Immutable.
 *
 * @param <I> the stage's input type
 */
public final class SuiteStage<I> {
    private final Stage<I, ?> stage;
    private final Function<SplittableRandom, ? extends I> inputs;
    private final Budget budget;

    private SuiteStage(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs, Budget budget) {
        this.stage = Require.notNull(stage, "stage");
        this.inputs = Require.notNull(inputs, "inputs");
        this.budget = budget;
    }

    /**
     * A stage without a budget.
     *
     * @param stage the stage, not null; its {@link Stage#name()} names it in the suite
     * @param inputs makes one input from the seeded random source, not null
     * @param <I> the input type
     * @return the suite stage
     */
    public static <I> SuiteStage<I> of(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs) {
        return new SuiteStage<>(stage, inputs, null);
    }

    /**
     * A stage held to a budget.
     *
     * @param stage the stage, not null
     * @param inputs makes one input from the seeded random source, not null
     * @param budget the budget, not null
     * @param <I> the input type
     * @return the suite stage
     */
    public static <I> SuiteStage<I> of(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs, Budget budget) {
        return new SuiteStage<>(stage, inputs, Require.notNull(budget, "budget"));
    }

    /** {@return the stage's name} */
    public String name() {
        return stage.name();
    }

    /** {@return the stage} */
    public Stage<I, ?> stage() {
        return stage;
    }

    /** {@return the input generator} */
    public Function<SplittableRandom, ? extends I> inputs() {
        return inputs;
    }

    /** {@return the budget, when the stage has one} */
    public Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /**
     * Measures this stage once, in this JVM.
     *
     * @param harness the harness, not null
     * @return the stage's figures as one fork
     */
    public StageBaseline measure(Harness harness) {
        return StageBaseline.of(Require.notNull(harness, "harness").run(stage, inputs), budget);
    }

    @Override
    public String toString() {
        return "SuiteStage[" + name() + (budget == null ? "" : ", " + budget) + "]";
    }
}
