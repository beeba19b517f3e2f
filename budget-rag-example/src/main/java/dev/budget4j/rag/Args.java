package dev.budget4j.rag;

import java.util.Objects;

/** Argument checks whose messages name the parameter, the rule and the value. */
final class Args {
    private Args() {
    }

    static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    static void that(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " " + rule + ", but was " + value);
        }
    }
}
