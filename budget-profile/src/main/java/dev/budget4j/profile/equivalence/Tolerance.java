package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.Locale;
import java.util.Optional;

/**
 * How close two floating-point results must be. A pair is close when <em>any</em> of the set
 * bounds holds: {@code |e - a| <= absolute}, {@code |e - a| <= relative × max(|e|, |a|)}, or the
 * two are at most {@code ulps} units in the last place apart (counted in the values' own type).
 * NaN is close only to NaN; an infinity only to the same infinity. Immutable.
 *
 * <p>Backends (plain Java, Vector API, native) sum in different orders, so their results are not
 * bit-identical; scale the absolute bound with the vector length, e.g.
 * {@code Tolerance.absolute(1e-5 * n)} for values in [0, 1).
 */
public final class Tolerance {
    private final double absolute;
    private final double relative;
    private final long ulps;

    private Tolerance(double absolute, double relative, long ulps) {
        this.absolute = absolute;
        this.relative = relative;
        this.ulps = ulps;
    }

    /** {@return the tolerance that accepts only exactly equal values (and NaN with NaN)} */
    public static Tolerance exact() {
        return new Tolerance(0, 0, 0);
    }

    /**
     * A tolerance on the absolute difference.
     *
     * @param bound the largest accepted {@code |e - a|}, finite and {@code >= 0}
     * @return the tolerance
     */
    public static Tolerance absolute(double bound) {
        return exact().orAbsolute(bound);
    }

    /**
     * A tolerance on the relative difference.
     *
     * @param fraction the largest accepted {@code |e - a| / max(|e|, |a|)}, in [0, 1]
     * @return the tolerance
     */
    public static Tolerance relative(double fraction) {
        return exact().orRelative(fraction);
    }

    /**
     * A tolerance in units in the last place.
     *
     * @param units the largest accepted distance in units in the last place, {@code >= 0}
     * @return the tolerance
     */
    public static Tolerance ulps(long units) {
        return exact().orUlps(units);
    }

    /**
     * Also accepts values whose absolute difference is small enough.
     *
     * @param bound also accept {@code |e - a| <= bound}, finite, {@code >= 0}
     * @return a new tolerance
     */
    public Tolerance orAbsolute(double bound) {
        Require.that(bound >= 0 && Double.isFinite(bound), "absolute", "must be finite and >= 0", bound);
        return new Tolerance(bound, relative, ulps);
    }

    /**
     * Also accepts values whose relative difference is small enough.
     *
     * @param fraction also accept a relative difference up to this, in [0, 1]
     * @return a new tolerance
     */
    public Tolerance orRelative(double fraction) {
        Require.inRange(fraction, 0, 1, "relative");
        return new Tolerance(absolute, fraction, ulps);
    }

    /**
     * Also accepts values a few units in the last place apart.
     *
     * @param units also accept this many ulps apart, {@code >= 0}
     * @return a new tolerance
     */
    public Tolerance orUlps(long units) {
        Require.atLeast(units, 0, "ulps");
        return new Tolerance(absolute, relative, units);
    }

    /**
     * Checks whether two values are within this tolerance.
     *
     * @param expected the reference value
     * @param actual the value checked
     * @return whether they are close (ulps counted in {@code double})
     */
    public boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        double diff = Math.abs(expected - actual);
        return diff <= absolute || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual))
                || ulps > 0 && ulpDistance(expected, actual) <= ulps;
    }

    /**
     * Checks whether two values are within this tolerance.
     *
     * @param expected the reference value
     * @param actual the value checked
     * @return whether they are close (ulps counted in {@code float})
     */
    public boolean close(float expected, float actual) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            return Float.isNaN(expected) && Float.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Float.isInfinite(expected) || Float.isInfinite(actual)) {
            return false;
        }
        double diff = Math.abs((double) expected - actual);
        return diff <= absolute || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual))
                || ulps > 0 && ulpDistance(expected, actual) <= ulps;
    }

    static long ulpDistance(double a, double b) {
        long x = Double.doubleToLongBits(a);
        long y = Double.doubleToLongBits(b);
        x = x < 0 ? Long.MIN_VALUE - x : x;
        y = y < 0 ? Long.MIN_VALUE - y : y;
        long d = x - y;
        return d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d);
    }

    static long ulpDistance(float a, float b) {
        long x = Float.floatToIntBits(a);
        long y = Float.floatToIntBits(b);
        x = x < 0 ? Integer.MIN_VALUE - x : x;
        y = y < 0 ? Integer.MIN_VALUE - y : y;
        return Math.abs(x - y);
    }

    /**
     * The first difference between two float arrays.
     *
     * @param expected the reference, not null
     * @param actual the array checked, not null
     * @return a description of the first mismatch (length or element), or empty when close
     */
    public Optional<String> mismatch(float[] expected, float[] actual) {
        Require.notNull(expected, "expected");
        Require.notNull(actual, "actual");
        if (expected.length != actual.length) {
            return Optional.of("lengths differ: expected " + expected.length + ", actual " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i])) {
                return Optional.of(String.format(Locale.ROOT, "element %d of %d: expected %s, actual %s (difference %s, %s)",
                        i, expected.length, expected[i], actual[i], Math.abs((double) expected[i] - actual[i]), this));
            }
        }
        return Optional.empty();
    }

    /**
     * Fails unless every element is close.
     *
     * @param expected the reference
     * @param actual the array checked
     * @throws AssertionError naming the first mismatch
     */
    public void assertClose(float[] expected, float[] actual) {
        mismatch(expected, actual).ifPresent(m -> {
            throw new AssertionError(m);
        });
    }

    /**
     * Fails unless the two values are close.
     *
     * @param expected the reference
     * @param actual the value checked
     * @throws AssertionError with both values and the tolerance
     */
    public void assertClose(double expected, double actual) {
        if (!close(expected, actual)) {
            throw new AssertionError("expected " + expected + ", actual " + actual + " (difference "
                    + Math.abs(expected - actual) + ", " + this + ")");
        }
    }

    /** {@return an equivalence for {@code float[]} outputs under this tolerance} */
    public OutputEquivalence<float[]> forFloatArrays() {
        return this::mismatch;
    }

    /** {@return an equivalence for numeric outputs (compared as {@code double}) under this tolerance} */
    public OutputEquivalence<Number> forNumbers() {
        return (e, a) -> close(e.doubleValue(), a.doubleValue()) ? Optional.empty()
                : Optional.of("expected " + e + ", actual " + a + " (" + this + ")");
    }

    @Override
    public String toString() {
        return "tolerance[absolute=" + absolute + ", relative=" + relative + ", ulps=" + ulps + "]";
    }
}
