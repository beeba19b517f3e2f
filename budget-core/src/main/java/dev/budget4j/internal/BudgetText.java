package dev.budget4j.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Dimension.Kind;
import dev.budget4j.Limit;
import dev.budget4j.internal.util.Require;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes budget text, and owns each dimension's value rule and unit. */
public final class BudgetText {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern LIMIT = Pattern.compile("([A-Za-z]+[0-9.]*)(<=|>=)(.+)");
    private static final Pattern NUMBER_UNIT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)(.*)");

    private BudgetText() {
    }

    /** Parses every token; errors name the token and its 0-based index in {@code text}. */
    public static List<Limit> parse(String text) {
        List<Limit> limits = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            try {
                limits.add(parseLimit(token));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot parse budget token '" + token + "' at index "
                        + tokens.start() + " of \"" + text + "\": " + e.getMessage(), e);
            }
        }
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("budget must have at least one dimension, but the text was \""
                    + text + "\"");
        }
        return limits;
    }

    private static Limit parseLimit(String token) {
        Matcher m = LIMIT.matcher(token);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <dimension><= or >=<value>, e.g. p99<=10ms");
        }
        Dimension dimension = dimension(m.group(1));
        String op = m.group(2);
        String expected = dimension.kind().upperBound() ? "<=" : ">=";
        if (!op.equals(expected)) {
            throw new IllegalArgumentException(dimension.label() + " takes '" + expected + "', not '" + op + "'");
        }
        return new Limit(dimension, value(dimension.kind(), m.group(3)));
    }

    /** Looks a dimension up by its label. */
    public static Dimension dimension(String label) {
        if (label.length() > 1 && label.charAt(0) == 'p' && Character.isDigit(label.charAt(1))) {
            double p;
            try {
                p = Double.parseDouble(label.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("percentile '" + label + "' is not a number", e);
            }
            return Dimension.percentile(p);
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.PERCENTILE
                    && labelOf(kind).equals(label)) {
                return new Dimension(kind, Double.NaN);
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + label
                + "'; known: pNN (e.g. p99, p99.9), max, throughput, errors, alloc, rss, rssGrowth, cacheHitRate");
    }

    private static String labelOf(Kind kind) {
        return new Dimension(kind, Double.NaN).label();
    }

    private static double value(Kind kind, String text) {
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' does not start with a number");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2);
        switch (kind) {
            case PERCENTILE:
            case MAX:
                return wholeNumber(number.multiply(BigDecimal.valueOf(durationUnit(unit))), "nanoseconds", text);
            case THROUGHPUT:
                if (!unit.equals("/s")) {
                    throw new IllegalArgumentException("throughput is written N/s, but the unit was '" + unit + "'");
                }
                return number.doubleValue();
            case ERROR_RATE:
                if (unit.equals("%")) {
                    return number.movePointLeft(2).doubleValue();
                }
                return fraction(number, unit);
            case CACHE_HIT_RATE:
                if (unit.equals("%")) {
                    return number.movePointLeft(2).doubleValue();
                }
                return fraction(number, unit);
            case ALLOCATION:
            case RSS:
            case RSS_GROWTH:
                return wholeNumber(number.multiply(BigDecimal.valueOf(sizeUnit(unit))), "bytes", text);
            default:
                throw new AssertionError(kind);
        }
    }

    private static double fraction(BigDecimal number, String unit) {
        if (!unit.isEmpty()) {
            throw new IllegalArgumentException("a rate is a fraction (0.01) or a percentage (1%), but the unit was '"
                    + unit + "'");
        }
        return number.doubleValue();
    }

    private static double wholeNumber(BigDecimal value, String unit, String text) {
        try {
            return value.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' must be a whole number of " + unit, e);
        }
    }

    private static long durationUnit(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "µs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            default:
                throw new IllegalArgumentException("unknown duration unit '" + unit + "'; use ns, us, ms or s");
        }
    }

    private static long sizeUnit(String unit) {
        switch (unit) {
            case "B":
                return 1L;
            case "KiB":
                return 1L << 10;
            case "MiB":
                return 1L << 20;
            case "GiB":
                return 1L << 30;
            case "KB":
                return 1_000L;
            case "MB":
                return 1_000_000L;
            case "GB":
                return 1_000_000_000L;
            default:
                throw new IllegalArgumentException("unknown size unit '" + unit + "'; use B, KiB, MiB, GiB, KB, MB or GB");
        }
    }

    /** Checks a limit value against its dimension's rule. */
    public static void validate(Dimension dimension, double value) {
        String field = dimension.label();
        Require.that(!Double.isNaN(value), field, "must be a number", value);
        switch (dimension.kind()) {
            case PERCENTILE:
            case MAX:
                Require.that(value > 0, field, "must be > 0 ns", formatNumber(value) + " ns");
                Require.that(value == Math.rint(value) && value < 0x1p53, field, "must be a whole number of ns",
                        value);
                break;
            case THROUGHPUT:
                Require.that(value > 0 && !Double.isInfinite(value), field, "must be finite and > 0 calls/s", value);
                break;
            case ERROR_RATE:
            case CACHE_HIT_RATE:
                Require.that(value >= 0 && value <= 1, field, "must be a fraction in [0, 1]", value);
                break;
            case ALLOCATION:
            case RSS_GROWTH:
                Require.that(value >= 0, field, "must be >= 0 bytes", formatNumber(value) + " B");
                Require.that(value == Math.rint(value) && value < 0x1p53, field, "must be a whole number of bytes",
                        value);
                break;
            case RSS:
                Require.that(value > 0, field, "must be > 0 bytes", formatNumber(value) + " B");
                Require.that(value == Math.rint(value) && value < 0x1p53, field, "must be a whole number of bytes",
                        value);
                break;
            default:
                throw new AssertionError(dimension);
        }
    }

    /** Writes a limit as budget text. */
    public static String format(Limit limit) {
        Dimension d = limit.dimension();
        String op = d.kind().upperBound() ? "<=" : ">=";
        return d.label() + op + formatValue(d.kind(), limit.value());
    }

    private static String formatValue(Kind kind, double value) {
        switch (kind) {
            case PERCENTILE:
            case MAX:
                return exactDuration((long) value);
            case THROUGHPUT:
                return plain(value) + "/s";
            case ERROR_RATE:
                return new BigDecimal(Double.toString(value)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case CACHE_HIT_RATE:
                return plain(value);
            default:
                return exactSize((long) value);
        }
    }

    private static String exactDuration(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }

    private static String exactSize(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return bytes + "B";
    }

    /** The shortest decimal text that reads back to the same double, without exponent. */
    public static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** A value in a dimension's unit, rounded for people: {@code 12.3ms}, {@code 1.5KiB}, {@code 0.5%}. */
    public static String display(Kind kind, double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        switch (kind) {
            case PERCENTILE:
            case MAX:
                return displayNanos(value);
            case THROUGHPUT:
                return formatNumber(value) + "/s";
            case ERROR_RATE:
                return formatNumber(value * 100) + "%";
            case CACHE_HIT_RATE:
                return formatNumber(value);
            default:
                return displayBytes(value);
        }
    }

    /** Nanoseconds for people, three significant digits. */
    public static String displayNanos(double nanos) {
        if (nanos >= 1e9) {
            return formatNumber(nanos / 1e9) + "s";
        }
        if (nanos >= 1e6) {
            return formatNumber(nanos / 1e6) + "ms";
        }
        if (nanos >= 1e3) {
            return formatNumber(nanos / 1e3) + "us";
        }
        return formatNumber(nanos) + "ns";
    }

    /** Bytes for people, three significant digits. */
    public static String displayBytes(double bytes) {
        if (bytes >= 1L << 30) {
            return formatNumber(bytes / (1L << 30)) + "GiB";
        }
        if (bytes >= 1L << 20) {
            return formatNumber(bytes / (1L << 20)) + "MiB";
        }
        if (bytes >= 1L << 10) {
            return formatNumber(bytes / (1L << 10)) + "KiB";
        }
        return formatNumber(bytes) + "B";
    }

    /** Three significant digits, no exponent for everyday magnitudes. */
    public static String formatNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double abs = Math.abs(v);
        if (abs >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return new BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
