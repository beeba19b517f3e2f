package dev.budget4j.spark.internal;

/**
 * Argument checks with one message shape: the parameter, the rule, and the value that broke it.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails with an NPE naming {@code parameter} when {@code value} is null. */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new NullPointerException(parameter + " must not be null");
        }
        return value;
    }

    /** A non-null, non-blank name. */
    public static String name(String value, String parameter) {
        notNull(value, parameter);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, but was '" + value + "'");
        }
        return value;
    }

    /** {@code value > 0}. */
    public static int positive(int value, String parameter) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be > 0, but was " + value);
        }
        return value;
    }

    /** A setting given at most once: returns {@code value}, or fails naming the earlier one. */
    public static <T> T once(T previous, T value, String setting) {
        if (previous != null) {
            throw new IllegalStateException(setting + " must be set once, but was already set to " + previous);
        }
        return value;
    }
}
