package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.internal.util.Require;
import java.util.Locale;

/**
 * How far a dimension may move from the baseline: {@code p99<=1.10x} (current p99 at most 1.10 ×
 * the baseline's) or {@code throughput>=0.90x} (at least 0.90 ×). Upper-bound dimensions
 * (latency, errors, alloc, rss) take {@code <=}, lower-bound ones (throughput) take {@code >=}.
 *
 * @param dimension the dimension compared
 * @param ratio the allowed ratio current / baseline, finite and &gt; 0
 */
public record RatioRule(Dimension dimension, double ratio) {

    /**
     * Validates the rule.
     *
     * @param dimension not null; not {@code cacheHitRate} (a harness does not measure it)
     * @param ratio finite, &gt; 0
     */
    public RatioRule {
        Require.notNull(dimension, "dimension");
        Require.positive(ratio, "ratio");
        Require.that(dimension.kind() != Dimension.Kind.CACHE_HIT_RATE, "dimension",
                "must be measurable by the harness", dimension);
    }

    /** {@return true when the current value must stay at or below {@code ratio ×} the baseline} */
    public boolean upperBound() {
        return dimension.kind().upperBound();
    }

    /**
     * Parses {@code <label><=<ratio>x} or {@code <label>>=<ratio>x}; the {@code x} is optional.
     *
     * @param text e.g. {@code "p99<=1.2x"}, {@code "throughput>=0.85"}
     * @return the rule
     * @throws IllegalArgumentException naming the text and the problem: unknown dimension, wrong
     *     direction for the dimension, or a ratio that is not a positive number
     */
    public static RatioRule parse(String text) {
        Require.notBlank(text, "rule");
        String t = text.trim();
        int le = t.indexOf("<=");
        int ge = t.indexOf(">=");
        int at = le >= 0 ? le : ge;
        if (at <= 0) {
            throw new IllegalArgumentException("rule must look like p99<=1.1x or throughput>=0.9x, but was '" + text + "'");
        }
        Dimension d;
        try {
            d = Dimension.ofLabel(t.substring(0, at).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule '" + text + "' names an unknown dimension: " + e.getMessage(), e);
        }
        boolean upper = le >= 0;
        if (upper != d.kind().upperBound()) {
            throw new IllegalArgumentException("rule '" + text + "' must use " + (d.kind().upperBound() ? "<=" : ">=")
                    + " for " + d.label() + ", but used " + (upper ? "<=" : ">="));
        }
        String number = t.substring(at + 2).trim();
        if (number.endsWith("x") || number.endsWith("X")) {
            number = number.substring(0, number.length() - 1);
        }
        double ratio;
        try {
            ratio = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule '" + text + "' ratio must be a number, but was '" + number + "'", e);
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("rule '" + text + "' ratio must be a finite number > 0, but was " + ratio);
        }
        return new RatioRule(d, ratio);
    }

    /** {@return e.g. {@code p99<=1.10x}} */
    @Override
    public String toString() {
        return dimension.label() + (upperBound() ? "<=" : ">=") + String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
