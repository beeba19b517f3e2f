package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * When two outputs count as the same: returns a description of the difference, or empty.
 *
 * @param <O> the output type
 */
@FunctionalInterface
public interface OutputEquivalence<O> {

    /**
     * Compares two outputs.
     *
     * @param expected the reference output
     * @param actual the output checked
     * @return why they differ, or empty when equivalent
     */
    Optional<String> mismatch(O expected, O actual);

    /**
     * The default equivalence: outputs must be equal.
     *
     * @param <O> the output type
     * @return {@link Objects#deepEquals} equality (arrays compared element by element)
     */
    static <O> OutputEquivalence<O> equality() {
        return (e, a) -> Objects.deepEquals(e, a) ? Optional.empty() : Optional.of("expected " + describe(e) + ", actual " + describe(a));
    }

    /**
     * Adapts a predicate.
     *
     * @param same true when two outputs are equivalent, not null
     * @param <O> the output type
     * @return the equivalence
     */
    static <O> OutputEquivalence<O> of(BiPredicate<? super O, ? super O> same) {
        Require.notNull(same, "same");
        return (e, a) -> same.test(e, a) ? Optional.empty() : Optional.of("expected " + describe(e) + ", actual " + describe(a));
    }

    /**
     * A short description of a value for messages: arrays by type and length and first elements.
     *
     * @param value any value
     * @return the description
     */
    static String describe(Object value) {
        if (value instanceof float[]) {
            float[] f = (float[]) value;
            StringBuilder s = new StringBuilder("float[" + f.length + "] {");
            for (int i = 0; i < Math.min(4, f.length); i++) {
                s.append(i == 0 ? "" : ", ").append(f[i]);
            }
            return s.append(f.length > 4 ? ", ...}" : "}").toString();
        }
        if (value instanceof int[]) {
            return "int[" + ((int[]) value).length + "] " + java.util.Arrays.toString(java.util.Arrays.copyOf((int[]) value,
                    Math.min(8, ((int[]) value).length)));
        }
        if (value instanceof Object[]) {
            return java.util.Arrays.deepToString((Object[]) value);
        }
        String s = String.valueOf(value);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
