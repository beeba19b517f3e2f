package dev.budget4j.internal;

/**
 * The one place argument checks live, so that every message has the same shape:
 * the parameter, the rule, and the value that broke it.
 */
public final class Require {
    private Require() {
    }

    /**
     * Fails with an NPE naming {@code parameter} when {@code value} is null. Kernels call this per
     * call, so the message is built only on failure (no capturing lambda on the way).
     */
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

    /** {@code value >= min}. */
    public static long atLeast(long value, long min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /** {@code value > 0}. */
    public static long positive(long value, String parameter) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be > 0, but was " + value);
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
            throw new IllegalArgumentException(
                    parameter + " must be in [" + min + ", " + max + "], but was " + value);
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
