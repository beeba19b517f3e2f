package dev.budget4j.micrometer.internal;

import java.time.Duration;

/**
 * Argument checks of this module, with budget-core's message shape: the parameter, the rule, and
 * the value that broke it.
 */
public final class Args {
    private Args() {
    }

    /** Fails with an NPE naming {@code parameter} when {@code value} is null. */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new NullPointerException(parameter + " must not be null");
        }
        return value;
    }

    /** A general rule: fails with {@code parameter + " " + rule + ", but was " + value}. */
    public static void that(boolean ok, String parameter, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + " " + rule + ", but was " + value);
        }
    }

    /** A duration &gt; 0. */
    public static Duration positive(Duration value, String parameter) {
        notNull(value, parameter);
        that(!value.isNegative() && !value.isZero(), parameter, "must be > 0 ns", value);
        return value;
    }

    /** A builder setting that may be given once. */
    public static <T> T once(T previous, T value, String setting) {
        if (previous != null) {
            throw new IllegalStateException(setting + " must be set once, but was already set to " + previous);
        }
        return value;
    }
}
