package dev.budget4j.junit;

import dev.budget4j.Stage;
import dev.budget4j.profile.HarnessResult;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs stages under the budget of the {@link BudgetedTest} it is handed to: declare it as a
 * parameter of the test method, and the method runs once, measuring each stage it gives here.
 *
 * <pre>{@code
 * @BudgetedTest(budget = "p99<=2ms alloc<=16KiB")
 * void tokenizerStaysInBudget(StageRunner runner) {
 *     runner.run(Stage.of("tokenize", Tokenizer::tokenize), random -> sentence(random));
 * }
 * }</pre>
 *
 * <p>A test that declares a runner and runs no stage fails.
 */
public interface StageRunner {

    /**
     * Measures a stage with the test's warm-up, invocations and rounds, publishes its figures,
     * checks it against the budget (and the baseline's stage of the same name), and fails on a
     * violation before returning.
     *
     * @param stage the stage, not null; its name is the stage's name in the verdict and baseline
     * @param inputs makes one input from a seeded random source (seed 42), not null; called 64 times
     *     before timing, and the inputs are cycled; a stage must not modify its input
     * @param <I> the input type
     * @return the figures of every round, when the stage kept to its budget
     * @throws AssertionError with the verdict table (and the gate's) when the budget is missed
     */
    <I> HarnessResult run(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs);
}
