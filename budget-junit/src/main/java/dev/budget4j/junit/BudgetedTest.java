package dev.budget4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that holds code to a performance budget: the method body, or the stages it hands to a
 * {@link StageRunner} parameter, runs {@link #warmup()} times unmeasured, then
 * {@link #invocations()} times measured in {@link #rounds()} rounds (budget-profile's
 * {@code Harness}), and the test fails with the verdict table when the {@link #budget()} is missed.
 *
 * <pre>{@code
 * @BudgetedTest(budget = "p99<=2ms alloc<=1KiB", invocations = 2_000, warmup = 1_000)
 * void tokenizerStaysInBudget() {
 *     tokenizer.tokenize(SENTENCE);
 * }
 *
 * @BudgetedTest(budget = "p99<=5ms", baseline = "perf/tokenize.json", rule = "p99<=1.25x")
 * void tokenizerAgainstItsBaseline(StageRunner runner) {
 *     runner.run(Stage.of("tokenize", tokenizer::tokenize), random -> sentence(random));
 * }
 * }</pre>
 *
 * <p>What the test does, in order:
 * <ol>
 *   <li>checks the attributes; a bad value fails the test with an
 *       {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the method,
 *       the attribute, the rule and the value;</li>
 *   <li>measures latency per call (nanoseconds), throughput, bytes allocated per call by the
 *       calling thread, errors, and peak RSS when the budget bounds {@code rss};</li>
 *   <li>publishes the figures as JUnit report entries ({@code budget4j.p99.ns},
 *       {@code budget4j.outcome}, ...) for IDEs and listeners, and writes them to standard output,
 *       one {@code [budget4j] key = value} line each, which Maven Surefire keeps in the test's
 *       {@code <system-out>} in {@code TEST-*.xml} (Surefire drops report entries themselves; turn
 *       the lines off with {@value BudgetedTestExtension#STDOUT_PROPERTY}{@code =false});</li>
 *   <li>with a {@link #baseline()}, compares the run against the file's stage of the same name
 *       with the {@link #rule()}s (budget-profile's {@code Gate});</li>
 *   <li>fails when the budget is violated, the gate finds a regression, or a call threw and the
 *       budget has no {@code errors} limit; an INCONCLUSIVE verdict or gate fails too, unless
 *       {@link #onInconclusive()} says to abort (the test is then reported as skipped, with the
 *       table as its reason): it never passes silently.</li>
 * </ol>
 *
 * <p>The body runs on the test's thread; {@code @BeforeEach} and {@code @AfterEach} run once
 * around all the calls. Each call of a method body goes through reflection, which costs tens of
 * nanoseconds and allocates nothing on current JDKs; budget a {@link StageRunner} stage when that
 * matters. An assertion that fails inside the body fails the test at once. A test under a budget
 * is a unit test of one JVM: the gate's interval then covers rounds only, not the differences
 * between JVM launches, so keep its rules loose and gate releases with forks (budget-profile's
 * {@code GateCommand}).
 *
 * <p>Recording a baseline: run with the configuration parameter or system property
 * {@value BudgetedTestExtension#RECORD_PROPERTY}{@code =true}; each budgeted stage is then
 * written into its {@link #baseline()} file (other stages in the file are kept) instead of being
 * compared, and its budget is still checked.
 *
 * <p>This annotation is a JUnit Jupiter {@link Test} and registers {@link BudgetedTestExtension};
 * jqwik properties and other engines' tests in the same class run as usual next to it.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(BudgetedTestExtension.class)
public @interface BudgetedTest {

    /**
     * The budget as text, parsed by {@code dev.budget4j.Budget.parse}: for example
     * {@code "p50<=200us p99<=2ms alloc<=1KiB errors<=0"}. May be empty only when a
     * {@link #baseline()} is given. {@code cacheHitRate} cannot be bounded here (a test body has
     * no memo cache), and a percentile needs enough invocations ({@code p99} 100,
     * {@code p99.9} 1,000).
     *
     * @return the budget text
     */
    String budget() default "";

    /**
     * Measured calls in all, split evenly over the {@link #rounds()}: at least 1 and a multiple
     * of {@link #rounds()}.
     *
     * @return the measured calls (default 1,000)
     */
    int invocations() default 1_000;

    /**
     * Unmeasured calls before the first round, so the JIT compiles the code first; at least 0.
     *
     * @return the warm-up calls (default 500)
     */
    int warmup() default 500;

    /**
     * Rounds of {@code invocations / rounds} calls, in [1, 1000]; the gate's statistics compare
     * per-round values, so a {@link #baseline()} wants at least 3.
     *
     * @return the rounds (default 5)
     */
    int rounds() default 5;

    /**
     * A baseline file (budget-profile's JSON) to compare the run against, relative to the working
     * directory (a Maven module's directory under Surefire); empty for none.
     *
     * @return the baseline path
     */
    String baseline() default "";

    /**
     * Ratio rules against the {@link #baseline()}, separated by spaces, e.g.
     * {@code "p50<=1.2x p99<=1.5x throughput>=0.8x"}; empty for the gate's defaults
     * ({@code p50/p95/p99<=1.10x throughput>=0.90x rss<=1.50x alloc<=1.00x}). Needs a baseline.
     *
     * @return the rules
     */
    String rule() default "";

    /**
     * The stage name in verdicts, report entries and the baseline file, for a method body; empty
     * for {@code SimpleClassName.methodName}. Stages run through a {@link StageRunner} keep their
     * own names.
     *
     * @return the stage name
     */
    String stage() default "";

    /**
     * What an INCONCLUSIVE verdict or gate does to the test.
     *
     * @return {@link Inconclusive#FAIL} (the default) or {@link Inconclusive#ABORT}
     */
    Inconclusive onInconclusive() default Inconclusive.FAIL;

    /** What an INCONCLUSIVE verdict or gate does to the test; it never passes. */
    enum Inconclusive {
        /** The test fails, with the table. */
        FAIL,
        /** The test is aborted (reported as skipped), with the table as the reason. */
        ABORT
    }
}
