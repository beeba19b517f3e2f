package dev.budget4j.kernel.internal;

/**
 * Argument checks for the kernels, with budget4j's message shape: the parameter, the rule, and
 * the value that broke it. Kernels check on every call, so each check tests first and builds its
 * message only on failure (no capturing lambda, no eager concatenation).
 */
public final class Args {
    private Args() {
    }

    /**
     * Fails with an NPE naming {@code parameter} when {@code value} is null.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @param <T>       its type
     * @return {@code value}
     */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new NullPointerException(parameter + " must not be null");
        }
        return value;
    }

    /**
     * A non-null, non-blank name.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     */
    public static String name(String value, String parameter) {
        notNull(value, parameter);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, but was '" + value + "'");
        }
        return value;
    }

    /**
     * {@code value >= min}.
     *
     * @param value     the argument
     * @param min       the smallest allowed value, inclusive
     * @param parameter its name, for the message
     * @return {@code value}
     */
    public static long atLeast(long value, long min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /**
     * A general rule: fails with {@code parameter + " " + rule + ", but was " + value}.
     *
     * @param ok        whether the rule holds
     * @param parameter the argument's name
     * @param rule      the rule, such as {@code "must equal a.length (3)"}
     * @param value     the bad value, for the message
     */
    public static void that(boolean ok, String parameter, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + " " + rule + ", but was " + value);
        }
    }
}
