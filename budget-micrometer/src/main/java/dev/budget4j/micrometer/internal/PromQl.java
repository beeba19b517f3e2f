package dev.budget4j.micrometer.internal;

import dev.budget4j.Dimension;
import dev.budget4j.Limit;

/**
 * The PromQL expression that is true while a stage misses one limit. Thresholds are in base units
 * (latency in seconds), written as plain decimals.
 *
 * <p>Fleet-wide, over every instance: percentiles ({@code histogram_quantile} of the summed bucket
 * rates), max (the largest {@code _max} gauge), throughput (summed call rates), errors (failure
 * rate over call rate) and allocation (summary sum rate over count rate). Per process, from each
 * instance's own {@code met} gauge: rss and rssGrowth (a process's memory does not add up across a
 * fleet) and cacheHitRate (each process has its own memo).
 */
final class PromQl {
    private PromQl() {
    }

    /** Whether the dimension is judged per process rather than across instances. */
    static boolean perProcess(Dimension dimension) {
        switch (dimension.kind()) {
            case RSS:
            case RSS_GROWTH:
            case CACHE_HIT_RATE:
                return true;
            default:
                return false;
        }
    }

    static String expression(Limit limit, String stage, PromNames names, String window) {
        String sel = "{stage=\"" + escape(stage) + "\"}";
        String threshold = Units.plainBaseValue(limit);
        Dimension d = limit.dimension();
        switch (d.kind()) {
            case PERCENTILE:
                return "histogram_quantile(" + Units.quantile(d.percentile()) + ", sum by (le) (rate("
                        + names.latencyBucket() + sel + "[" + window + "]))) > " + threshold;
            case MAX:
                return "max(max_over_time(" + names.latencyMax() + sel + "[" + window + "])) > " + threshold;
            case THROUGHPUT:
                return rate(names.callsTotal(), sel, window) + " < " + threshold;
            case ERROR_RATE:
                return rate(names.failuresTotal(), sel, window) + " / " + rate(names.callsTotal(), sel, window)
                        + " > " + threshold;
            case ALLOCATION:
                return rate(names.allocationSum(), sel, window) + " / " + rate(names.allocationCount(), sel, window)
                        + " > " + threshold;
            default:
                return "min by (job, instance) (" + names.met() + "{stage=\"" + escape(stage) + "\",dimension=\""
                        + escape(d.label()) + "\"}) == 0";
        }
    }

    /** What the expression says, in words, for the alert's description. */
    static String meaning(Limit limit, String stage, String window) {
        Dimension d = limit.dimension();
        String s = "stage '" + stage + "'";
        String bound = limit + " (" + Units.plainBaseValue(limit) + " " + Units.baseUnit(d) + ")";
        switch (d.kind()) {
            case PERCENTILE:
                return "The " + d.label() + " latency of " + s + " over " + window
                        + ", across all instances (histogram_quantile of the latency buckets), is above " + bound + ".";
            case MAX:
                return "The slowest call of " + s + " on some instance in the last " + window + " is above " + bound
                        + ".";
            case THROUGHPUT:
                return s + " served fewer calls per second over " + window + ", summed across instances, than "
                        + bound + ". Prometheus counts idle time, budget4j counts from first to last call.";
            case ERROR_RATE:
                return "The failed fraction of the calls of " + s + " over " + window
                        + ", across all instances, is above " + bound + ".";
            case ALLOCATION:
                return "The mean bytes allocated per call of " + s + " over " + window
                        + ", across all instances, is above " + bound + ".";
            default:
                return s + " misses " + bound + " on an instance, by that process's own verdict since it started;"
                        + " " + d.label() + " is a per-process figure and is not aggregated across instances.";
        }
    }

    private static String rate(String metric, String selector, String window) {
        return "sum(rate(" + metric + selector + "[" + window + "]))";
    }

    /** A PromQL double-quoted string's content. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    out.append("\\\\");
                    break;
                case '"':
                    out.append("\\\"");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
