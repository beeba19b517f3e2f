package dev.budget4j.micrometer.internal;

import dev.budget4j.Check;
import dev.budget4j.Limit;
import dev.budget4j.Outcome;
import dev.budget4j.micrometer.MeterNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;

/**
 * Two gauges per budget dimension: the limit in base units, and whether the stage meets it
 * (1 met, 0 violated, NaN inconclusive or not yet refreshed), as of the latest refresh.
 */
public final class BudgetGauges {
    private final List<Limit> limits;
    private volatile double[] met;

    private BudgetGauges(List<Limit> limits) {
        this.limits = limits;
        double[] unknown = new double[limits.size()];
        Arrays.fill(unknown, Double.NaN);
        this.met = unknown;
    }

    /** Registers the gauges of every limit; the meters registered are added to {@code registered}. */
    public static BudgetGauges register(MeterRegistry registry, MeterNames names, String stage, List<Limit> limits,
            List<Meter> registered) {
        BudgetGauges gauges = new BudgetGauges(List.copyOf(limits));
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            String dimension = limit.dimension().label();
            double value = Units.baseValue(limit);
            registered.add(Gauge.builder(names.limit(), () -> value)
                    .description("The budget's limit on the dimension, in base units ("
                            + Units.baseUnit(limit.dimension()) + " for " + dimension + ")")
                    .tag(MeterNames.STAGE_TAG, stage)
                    .tag(MeterNames.DIMENSION_TAG, dimension)
                    .strongReference(true)
                    .register(registry));
            int index = i;
            registered.add(Gauge.builder(names.met(), gauges, g -> g.met[index])
                    .description("Whether the stage meets the dimension's limit since it was built:"
                            + " 1 met, 0 violated, NaN inconclusive")
                    .tag(MeterNames.STAGE_TAG, stage)
                    .tag(MeterNames.DIMENSION_TAG, dimension)
                    .strongReference(true)
                    .register(registry));
        }
        return gauges;
    }

    /** Takes the outcomes of a verdict's checks, one per limit in the budget's order. */
    public void update(List<Check> checks) {
        double[] next = new double[limits.size()];
        Arrays.fill(next, Double.NaN);
        for (Check check : checks) {
            int index = limits.indexOf(check.limit());
            if (index >= 0) {
                next[index] = value(check.outcome());
            }
        }
        met = next;
    }

    static double value(Outcome outcome) {
        switch (outcome) {
            case MET:
                return 1;
            case VIOLATED:
                return 0;
            default:
                return Double.NaN;
        }
    }
}
