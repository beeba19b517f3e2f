package dev.budget4j.profile.equivalence;

import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks that two stages, or two plain functions, give equivalent outputs for the same input: the
 * one call a backend equivalence property needs.
 *
 * <pre>{@code
 * Equivalence.assertEquivalent(plainDot, vectorDot, pair, Tolerance.absolute(1e-5 * n).forNumbers());
 * Equivalence.assertEquivalent(Tokenizers::byWhitespace, Tokenizers::byRegex, text, OutputEquivalence.equality());
 * }</pre>
 *
 * <p>Messages name the two sides by their stage names; a lambda, a method reference or a plain
 * {@link Function} has no name of its own and is called {@code reference} or {@code candidate}.
 * Two calls that both throw count as equivalent when the exceptions have the same class.
 */
public final class Equivalence {
    private Equivalence() {
    }

    /**
     * Runs both stages on the input and compares the outputs.
     *
     * @param reference the stage trusted to be right, not null
     * @param candidate the stage checked, not null
     * @param input the input given to both (must not be modified by either), not null
     * @param equivalence when two outputs count as the same, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return why they differ, or empty
     */
    public static <I, O> Optional<String> mismatch(Stage<I, ? extends O> reference, Stage<I, ? extends O> candidate, I input,
            OutputEquivalence<? super O> equivalence) {
        Require.notNull(reference, "reference");
        Require.notNull(candidate, "candidate");
        Require.notNull(input, "input");
        Require.notNull(equivalence, "equivalence");
        O expected;
        RuntimeException expectedError = null;
        try {
            expected = reference.apply(input);
        } catch (RuntimeException e) {
            expected = null;
            expectedError = e;
        }
        O actual;
        RuntimeException actualError = null;
        try {
            actual = candidate.apply(input);
        } catch (RuntimeException e) {
            actual = null;
            actualError = e;
        }
        String where = "'" + label(candidate, "candidate") + "' vs '" + label(reference, "reference") + "' on " + OutputEquivalence.describe(input) + ": ";
        if (expectedError != null || actualError != null) {
            if (expectedError != null && actualError != null && expectedError.getClass() == actualError.getClass()) {
                return Optional.empty();
            }
            return Optional.of(where + "reference " + (expectedError == null ? "returned" : "threw " + expectedError)
                    + ", candidate " + (actualError == null ? "returned" : "threw " + actualError));
        }
        if (expected == null || actual == null) {
            return expected == actual ? Optional.empty()
                    : Optional.of(where + "expected " + expected + ", actual " + OutputEquivalence.describe(actual));
        }
        return equivalence.mismatch(expected, actual).map(m -> where + m);
    }

    /**
     * Fails unless the two stages give equivalent outputs for the input.
     *
     * @param reference the stage trusted to be right
     * @param candidate the stage checked
     * @param input the input given to both
     * @param equivalence when two outputs count as the same
     * @param <I> the input type
     * @param <O> the output type
     * @throws AssertionError naming both stages, the input and the difference
     */
    public static <I, O> void assertEquivalent(Stage<I, ? extends O> reference, Stage<I, ? extends O> candidate, I input,
            OutputEquivalence<? super O> equivalence) {
        mismatch(reference, candidate, input, equivalence).ifPresent(m -> {
            throw new AssertionError(m);
        });
    }

    /**
     * Runs both functions on the input and compares the outputs: {@link #mismatch(Stage, Stage,
     * Object, OutputEquivalence)} for code that holds plain {@link Function}s (a {@code Stage}
     * passed here keeps its name).
     *
     * @param reference the function trusted to be right, not null
     * @param candidate the function checked, not null
     * @param input the input given to both (must not be modified by either), not null
     * @param equivalence when two outputs count as the same, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return why they differ, or empty
     */
    public static <I, O> Optional<String> mismatch(Function<? super I, ? extends O> reference,
            Function<? super I, ? extends O> candidate, I input, OutputEquivalence<? super O> equivalence) {
        return mismatch(stage(reference, "reference"), stage(candidate, "candidate"), input, equivalence);
    }

    /**
     * Fails unless the two functions give equivalent outputs for the input: {@link
     * #assertEquivalent(Stage, Stage, Object, OutputEquivalence)} for plain {@link Function}s.
     *
     * @param reference the function trusted to be right, not null
     * @param candidate the function checked, not null
     * @param input the input given to both, not null
     * @param equivalence when two outputs count as the same, not null
     * @param <I> the input type
     * @param <O> the output type
     * @throws AssertionError naming both sides, the input and the difference
     */
    public static <I, O> void assertEquivalent(Function<? super I, ? extends O> reference,
            Function<? super I, ? extends O> candidate, I input, OutputEquivalence<? super O> equivalence) {
        assertEquivalent(stage(reference, "reference"), stage(candidate, "candidate"), input, equivalence);
    }

    private static <I, O> Stage<I, O> stage(Function<? super I, ? extends O> function, String role) {
        Require.notNull(function, role);
        return function instanceof Stage ? Stage.from(function) : Stage.of(role, function);
    }

    /** A lambda given where a stage is expected is named "anonymous"; its role says more. */
    private static String label(Stage<?, ?> stage, String role) {
        String name = stage.name();
        return "anonymous".equals(name) ? role : name;
    }
}
