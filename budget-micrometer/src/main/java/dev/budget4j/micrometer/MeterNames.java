package dev.budget4j.micrometer;

import dev.budget4j.internal.util.Require;
import java.util.regex.Pattern;

/**
 * The Micrometer names of the meters {@link BudgetMeters} registers, all under one prefix
 * ({@code budget4j} by default). Every meter carries the tag {@value #STAGE_TAG}; the budget gauges
 * also carry {@value #DIMENSION_TAG}. {@link PrometheusRules} takes the same names, so rules and
 * meters agree.
 *
 * <table>
 * <caption>Meters, with the default prefix</caption>
 * <tr><th>method</th><th>name</th><th>type, unit</th></tr>
 * <tr><td>{@link #latency()}</td><td>budget4j.stage.latency</td><td>timer, seconds in Prometheus</td></tr>
 * <tr><td>{@link #calls()}</td><td>budget4j.stage.calls</td><td>counter, calls</td></tr>
 * <tr><td>{@link #failures()}</td><td>budget4j.stage.failures</td><td>counter, calls that threw</td></tr>
 * <tr><td>{@link #allocation()}</td><td>budget4j.stage.allocation</td><td>distribution summary, bytes per call</td></tr>
 * <tr><td>{@link #limit()}</td><td>budget4j.budget.limit</td><td>gauge, the limit in base units</td></tr>
 * <tr><td>{@link #met()}</td><td>budget4j.budget.met</td><td>gauge, 1 met, 0 violated, NaN inconclusive</td></tr>
 * </table>
 *
 * @param prefix dot-separated lower-case words, e.g. {@code budget4j} or {@code shop.budget4j}
 */
public record MeterNames(String prefix) {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** The tag naming the stage, on every meter. */
    public static final String STAGE_TAG = "stage";
    /** The tag naming the budget dimension ({@code p99}, {@code errors}, ...), on the budget gauges. */
    public static final String DIMENSION_TAG = "dimension";
    /** The names under the prefix {@code budget4j}. */
    public static final MeterNames DEFAULT = new MeterNames("budget4j");

    /**
     * Validates the prefix.
     *
     * @param prefix dot-separated words of lower-case letters, digits and {@code _}, each starting
     *     with a letter, so that every registry's naming convention maps it without surprises
     */
    public MeterNames {
        Require.notNull(prefix, "prefix");
        Require.that(PREFIX.matcher(prefix).matches(), "prefix",
                "must be dot-separated words of [a-z0-9_], each starting with a letter", "'" + prefix + "'");
    }

    /** {@return the latency timer: every call's latency, failed calls included} */
    public String latency() {
        return prefix + ".stage.latency";
    }

    /** {@return the counter of calls, successful and failed} */
    public String calls() {
        return prefix + ".stage.calls";
    }

    /** {@return the counter of calls that threw} */
    public String failures() {
        return prefix + ".stage.failures";
    }

    /** {@return the distribution summary of bytes allocated per call (base unit bytes)} */
    public String allocation() {
        return prefix + ".stage.allocation";
    }

    /** {@return the gauge of each budget dimension's limit, in base units} */
    public String limit() {
        return prefix + ".budget.limit";
    }

    /** {@return the gauge of whether each budget dimension is met: 1, 0, or NaN when inconclusive} */
    public String met() {
        return prefix + ".budget.met";
    }
}
