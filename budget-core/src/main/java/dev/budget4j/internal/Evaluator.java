package dev.budget4j.internal;

import dev.budget4j.Budget;
import dev.budget4j.CacheStats;
import dev.budget4j.Check;
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
        long calls = s.calls();
        switch (limit.dimension().kind()) {
            case PERCENTILE: {
                double p = limit.dimension().percentile();
                long needed = requiredSamples(p);
                if (calls < needed) {
                    return inconclusive(limit, calls, "needs >= " + needed + " calls");
                }
                return judge(limit, s.percentileNanos(p), calls);
            }
            case MAX:
                return calls == 0 ? inconclusive(limit, 0, "no calls") : judge(limit, s.maxNanos(), calls);
            case THROUGHPUT:
                if (calls == 0 || s.elapsedNanos() <= 0) {
                    return inconclusive(limit, calls, "no calls over a measurable time");
                }
                return judge(limit, s.throughputPerSecond(), calls);
            case ERROR_RATE:
                return calls == 0 ? inconclusive(limit, 0, "no calls") : judge(limit, s.errorRate(), calls);
            case ALLOCATION:
                if (s.allocatedBytes().isEmpty()) {
                    return inconclusive(limit, calls, "allocation not tracked");
                }
                return calls == 0 ? inconclusive(limit, 0, "no calls") : judge(limit, s.allocatedBytesPerCall(), calls);
            case RSS:
                return s.peakRssBytes().isEmpty()
                        ? inconclusive(limit, calls, "RSS not measured")
                        : judge(limit, s.peakRssBytes().getAsLong(), calls);
            case RSS_GROWTH:
                return s.rssGrowthBytes().isEmpty()
                        ? inconclusive(limit, calls, "RSS not measured")
                        : judge(limit, s.rssGrowthBytes().getAsLong(), calls);
            case CACHE_HIT_RATE: {
                CacheStats stats = s.cacheStats().orElse(null);
                if (stats == null || stats.lookups() == 0) {
                    return inconclusive(limit, 0, "no memo lookups");
                }
                return judge(limit, stats.hitRate(), stats.lookups());
            }
            default:
                throw new AssertionError(limit);
        }
    }

    private static Check judge(Limit limit, double observed, long samples) {
        return new Check(limit, observed, samples, limit.isMetBy(observed) ? Outcome.MET : Outcome.VIOLATED, "");
    }

    private static Check inconclusive(Limit limit, long samples, String note) {
        return new Check(limit, Double.NaN, samples, Outcome.INCONCLUSIVE, note);
    }
}
