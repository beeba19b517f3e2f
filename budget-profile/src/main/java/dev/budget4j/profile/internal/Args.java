package dev.budget4j.profile.internal;

import java.util.Collection;
import java.util.Objects;

/**
 * Argument checks for budget-profile, so every message has the same shape: the parameter, the
 * rule, and the value that broke it (budget-core's own helper is not exported).
 */
public final class Args {
    private Args() {
    }

    /** Fails with an NPE naming {@code parameter} when {@code value} is null. */
    public static <T> T notNull(T value, String parameter) {
        return Objects.requireNonNull(value, () -> parameter + " must not be null");
    }

    /** A non-null, non-blank string. */
    public static String notBlank(String value, String parameter) {
        notNull(value, parameter);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, but was '" + value + "'");
        }
        return value;
    }

    /** A non-null, non-empty collection. */
    public static <C extends Collection<?>> C notEmpty(C value, String parameter) {
        notNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must not be empty, but was empty");
        }
        return value;
    }

    /** {@code value >= min}. */
    public static long atLeast(long value, long min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /** {@code value >= min}. */
    public static int atLeast(int value, int min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /** A finite {@code value > 0}. */
    public static double positive(double value, String parameter) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number > 0, but was " + value);
        }
        return value;
    }

    /** A value in {@code [min, max]}, not NaN. */
    public static double inRange(double value, double min, double max, String parameter) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(parameter + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    /** A general rule: fails with {@code parameter + " " + rule + ", but was " + value}. */
    public static void that(boolean ok, String parameter, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + " " + rule + ", but was " + value);
        }
    }
}
