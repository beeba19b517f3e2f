package dev.budget4j.internal.util;

import java.time.Duration;
import java.util.Collection;

/**
 * The one place budget4j's argument checks live, so that every message has the same shape: the
 * parameter, the rule, and the value that broke it ({@code "p99 must be > 0 ns, but was -5 ns"}).
 *
 * <p>Shared by budget-core and, through a qualified export, by the budget4j modules built on it;
 * it is not API and may change in any release. Checks run on hot paths (a budgeted stage checks
 * its arguments on every call), so each one tests first and builds its message only on failure:
 * no capturing lambda, no eager string concatenation.
 */
public final class Require {
    private Require() {
    }

    /**
     * Checks that an argument is not null.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @param <T>       its type
     * @return {@code value}
     * @throws NullPointerException naming {@code parameter} when {@code value} is null
     */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new NullPointerException(parameter + " must not be null");
        }
        return value;
    }

    /**
     * Checks that a string, such as a stage name, is neither null nor blank.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is empty or only white space
     */
    public static String notBlank(String value, String parameter) {
        notNull(value, parameter);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank, but was '" + value + "'");
        }
        return value;
    }

    /**
     * Checks that a collection is neither null nor empty.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @param <C>       its type
     * @return {@code value}
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is empty
     */
    public static <C extends Collection<?>> C notEmpty(C value, String parameter) {
        notNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must not be empty, but was empty");
        }
        return value;
    }

    /**
     * Checks {@code value >= min}.
     *
     * @param value     the argument
     * @param min       the smallest allowed value, inclusive
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value < min}
     */
    public static int atLeast(int value, int min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /**
     * Checks {@code value >= min}.
     *
     * @param value     the argument
     * @param min       the smallest allowed value, inclusive
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value < min}
     */
    public static long atLeast(long value, long min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be >= " + min + ", but was " + value);
        }
        return value;
    }

    /**
     * Checks {@code value > 0}.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value <= 0}
     */
    public static int positive(int value, String parameter) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be > 0, but was " + value);
        }
        return value;
    }

    /**
     * Checks {@code value > 0}.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value <= 0}
     */
    public static long positive(long value, String parameter) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be > 0, but was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} is a finite number {@code > 0}.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value} is NaN, infinite or {@code <= 0}
     */
    public static double positive(double value, String parameter) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number > 0, but was " + value);
        }
        return value;
    }

    /**
     * Checks that a duration is longer than zero.
     *
     * @param value     the argument
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is zero or negative
     */
    public static Duration positive(Duration value, String parameter) {
        notNull(value, parameter);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(parameter + " must be > 0 ns, but was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} lies in {@code [min, max]}, both bounds inclusive.
     *
     * @param value     the argument
     * @param min       the smallest allowed value, inclusive
     * @param max       the largest allowed value, inclusive
     * @param parameter its name, for the message
     * @return {@code value}
     * @throws IllegalArgumentException when {@code value} is NaN or outside the range
     */
    public static double inRange(double value, double min, double max, String parameter) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    parameter + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    /**
     * Checks a rule the other methods do not cover; the message reads
     * {@code parameter + " " + rule + ", but was " + value}.
     *
     * @param ok        whether the rule holds
     * @param parameter the argument's name
     * @param rule      the rule, such as {@code "must equal a.length (3)"}
     * @param value     the bad value, for the message
     * @throws IllegalArgumentException when {@code ok} is false
     */
    public static void that(boolean ok, String parameter, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + " " + rule + ", but was " + value);
        }
    }

    /**
     * Checks that a builder setting is given once: call it as
     * {@code this.x = once(this.x, x, "x")}.
     *
     * @param previous  the setting's current value, null while it is unset
     * @param value     the new value
     * @param setting   the setting's name, for the message
     * @param <T>       its type
     * @return {@code value}
     * @throws IllegalStateException naming the earlier value when {@code previous} is not null
     */
    public static <T> T once(T previous, T value, String setting) {
        if (previous != null) {
            throw new IllegalStateException(setting + " must be set once, but was already set to " + previous);
        }
        return value;
    }
}
