package dev.budget4j.internal;

import dev.budget4j.Budget;
import dev.budget4j.CacheStats;
import dev.budget4j.Check;
import dev.budget4j.Dimension;
import dev.budget4j.Limit;
import dev.budget4j.Outcome;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Checks each limit of a budget against a snapshot. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Calls a percentile needs before it means anything: ceil(100 / (100 - p)), 1 for p100. */
    public static long requiredSamples(double percentile) {
        if (percentile >= 100) {
            return 1;
        }
        return (long) Math.ceil(100 / (100 - percentile) - 1e-9);
    }

    public static Verdict evaluate(Budget budget, StageSnapshot s, String overrideSource) {
        List<Check> checks = new ArrayList<>();
        for (Limit limit : budget.limits()) {
            checks.add(check(limit, s));
        }
        return Results.verdict(s.stage(), budget, checks, overrideSource);
    }

    private static Check check(Limit limit, StageSnapshot s) {
        Dimension d = limit.dimension();
        long calls = s.calls();
        if (d.kind() == Dimension.Kind.PERCENTILE) {
            long needed = requiredSamples(d.percentile());
            if (calls < needed) {
                return inconclusive(limit, calls, "needs >= " + needed + " calls");
            }
        }
        long samples = d.kind() == Dimension.Kind.CACHE_HIT_RATE
                ? s.cacheStats().map(CacheStats::lookups).orElse(0L) : calls;
        double observed = s.value(d);
        return Double.isNaN(observed) ? inconclusive(limit, samples, missing(d, s)) : judge(limit, observed, samples);
    }

    /** Why a snapshot has no value for a dimension, for the check's note. */
    private static String missing(Dimension d, StageSnapshot s) {
        switch (d.kind()) {
            case THROUGHPUT:
                return "no calls over a measurable time";
            case ALLOCATION:
                return s.allocatedBytes().isEmpty()
                        ? "allocation not measured: not tracked, or calls ran on virtual threads"
                        : "no calls";
            case RSS:
            case RSS_GROWTH:
                return "RSS not measured";
            case CACHE_HIT_RATE:
                return "no memo lookups";
            default:
                return "no calls";
        }
    }

    private static Check judge(Limit limit, double observed, long samples) {
        return new Check(limit, observed, samples, limit.isMetBy(observed) ? Outcome.MET : Outcome.VIOLATED, "");
    }

    private static Check inconclusive(Limit limit, long samples, String note) {
        return new Check(limit, Double.NaN, samples, Outcome.INCONCLUSIVE, note);
    }
}
