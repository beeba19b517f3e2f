package dev.budget4j.profile.internal;

import java.util.Locale;

/** Numbers for people: durations from nanoseconds, sizes from bytes, plain decimals. */
public final class Units {
    private Units() {
    }

    /** e.g. {@code 812ns}, {@code 12.3µs}, {@code 4.56ms}, {@code 1.20s}; {@code -} for NaN. */
    public static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return "-";
        }
        double a = Math.abs(ns);
        if (a < 1e3) {
            return fmt(ns, "ns");
        }
        if (a < 1e6) {
            return fmt(ns / 1e3, "µs");
        }
        if (a < 1e9) {
            return fmt(ns / 1e6, "ms");
        }
        return fmt(ns / 1e9, "s");
    }

    /** e.g. {@code 512B}, {@code 1.5KiB}, {@code 300MiB}; {@code -} for NaN. */
    public static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "-";
        }
        double a = Math.abs(b);
        if (a < 1024) {
            return fmt(b, "B");
        }
        if (a < 1024 * 1024) {
            return fmt(b / 1024, "KiB");
        }
        if (a < 1024.0 * 1024 * 1024) {
            return fmt(b / (1024 * 1024), "MiB");
        }
        return fmt(b / (1024.0 * 1024 * 1024), "GiB");
    }

    /** Three significant digits, no exponent for ordinary magnitudes; {@code -} for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e9 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A ratio as {@code 1.234x}. */
    public static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3fx", r);
    }

    private static String fmt(double v, String unit) {
        double a = Math.abs(v);
        String s = a >= 100 || a == Math.rint(a) && a < 1e3
                ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s + unit;
    }
}
