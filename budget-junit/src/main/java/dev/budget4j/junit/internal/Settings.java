package dev.budget4j.junit.internal;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.Limit;
import dev.budget4j.junit.BudgetedTest;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.Harness;
import dev.budget4j.spi.MemoryProbe;
import java.lang.reflect.Method;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The attributes of one {@link BudgetedTest}, checked: every bad value fails with a message that
 * names the method, the attribute, the rule and the value.
 *
 * @param where {@code SimpleClassName.methodName()}, for messages
 * @param stage the stage name of a method body
 * @param budget the budget, or null when only a baseline is checked
 * @param invocations measured calls in all
 * @param warmup unmeasured calls before
 * @param rounds rounds of {@code invocations / rounds} calls
 * @param baseline the baseline file, or null
 * @param rules the gate's rules
 * @param onInconclusive what an inconclusive verdict or gate does
 */
public record Settings(String where, String stage, Budget budget, int invocations, int warmup, int rounds, Path baseline,
        GateRules rules, BudgetedTest.Inconclusive onInconclusive) {

    /**
     * Reads and checks the annotation of a method.
     *
     * @param test the annotation
     * @param method the annotated method
     * @return the settings
     * @throws ExtensionConfigurationException naming the attribute, the rule and the value
     */
    public static Settings of(BudgetedTest test, Method method) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        Check check = new Check(where);
        check.that(test.rounds() >= 1 && test.rounds() <= 1000, "rounds", "must be in [1, 1000]", test.rounds());
        check.that(test.invocations() >= 1, "invocations", "must be >= 1", test.invocations());
        check.that(test.invocations() % test.rounds() == 0, "invocations",
                "must be a multiple of rounds=" + test.rounds(), test.invocations());
        check.that(test.warmup() >= 0, "warmup", "must be >= 0", test.warmup());
        Path baseline = test.baseline().isBlank() ? null : path(check, test.baseline());
        Budget budget = budget(check, test.budget(), baseline != null);
        if (budget != null) {
            for (Limit limit : budget.limits()) {
                Dimension d = limit.dimension();
                check.that(d.kind() != Dimension.Kind.CACHE_HIT_RATE, "budget",
                        "must not bound cacheHitRate (a test has no memo cache)", quoted(test.budget()));
                long needed = d.kind() == Dimension.Kind.PERCENTILE ? callsFor(d.percentile()) : 1;
                check.that(test.invocations() >= needed, "invocations",
                        "must be >= " + needed + " for " + d.label() + " (a percentile p needs ceil(100 / (100 - p)) calls)",
                        test.invocations());
            }
        }
        GateRules rules = GateRules.defaults();
        if (!test.rule().isBlank()) {
            check.that(baseline != null, "rule", "needs a baseline file to compare against", quoted(test.rule()));
            try {
                rules = GateRules.none().with(GateRules.parse(test.rule()));
            } catch (IllegalArgumentException e) {
                throw check.failure("rule " + quoted(test.rule()) + " does not parse: " + e.getMessage(), e);
            }
        }
        String stage = test.stage().isBlank() ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
                : test.stage().strip();
        return new Settings(where, stage, budget, test.invocations(), test.warmup(), test.rounds(), baseline, rules,
                test.onInconclusive());
    }

    private static Budget budget(Check check, String text, boolean hasBaseline) {
        if (text.isBlank()) {
            check.that(hasBaseline, "budget", "must not be blank unless a baseline is given", quoted(text));
            return null;
        }
        try {
            return Budget.parse(text);
        } catch (IllegalArgumentException e) {
            throw check.failure("budget " + quoted(text) + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Path path(Check check, String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw check.failure("baseline " + quoted(text) + " is not a file path: " + e.getMessage(), e);
        }
    }

    /** The calls a percentile needs, as budget-core's evaluator counts them. */
    static long callsFor(double percentile) {
        return percentile >= 100 ? 1 : (long) Math.ceil(100 / (100 - percentile) - 1e-9);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** {@return the measured calls per round} */
    public int perRound() {
        return invocations / rounds;
    }

    /** {@return the budget, when there is one} */
    public Optional<Budget> budgetIfAny() {
        return Optional.ofNullable(budget);
    }

    /**
     * @param probe measures RSS per round, or null
     * @return a harness with these settings (seed 42, 64 inputs cycled, allocation tracked)
     */
    public Harness harness(MemoryProbe probe) {
        return Harness.builder().warmupIterations(warmup).iterations(perRound()).rounds(rounds).memoryProbe(probe).build();
    }

    /** {@return what the harness does, for people: "500 warm-up calls, then 5 rounds of 200 calls"} */
    public String describeRun() {
        return warmup + " warm-up calls, then " + rounds + (rounds == 1 ? " round" : " rounds") + " of " + perRound() + " calls";
    }

    /** Builds the messages of bad attributes. */
    private static final class Check {
        private final String where;

        Check(String where) {
            this.where = where;
        }

        void that(boolean ok, String attribute, String rule, Object value) {
            if (!ok) {
                throw failure(attribute + " " + rule + ", but was " + value, null);
            }
        }

        ExtensionConfigurationException failure(String message, Throwable cause) {
            return new ExtensionConfigurationException("@BudgetedTest on " + where + ": " + message, cause);
        }
    }
}
