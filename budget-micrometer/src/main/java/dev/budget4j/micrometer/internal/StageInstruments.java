package dev.budget4j.micrometer.internal;

import dev.budget4j.Budget;
import dev.budget4j.micrometer.MeterNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;

/** The meters of one stage in one registry, registered together and removed together. */
public final class StageInstruments {
    final Timer latency;
    final Counter calls;
    final Counter failures;
    final DistributionSummary allocation;
    final BudgetGauges gauges;
    private final MeterRegistry registry;
    private final List<Meter> meters;

    private StageInstruments(MeterRegistry registry, Timer latency, Counter calls, Counter failures,
            DistributionSummary allocation, BudgetGauges gauges, List<Meter> meters) {
        this.registry = registry;
        this.latency = latency;
        this.calls = calls;
        this.failures = failures;
        this.allocation = allocation;
        this.gauges = gauges;
        this.meters = List.copyOf(meters);
    }

    /**
     * Registers a stage's meters.
     *
     * @param withAllocation whether the stage tracks allocation (only then is there a summary)
     * @param shape the latency timer's settings
     * @throws IllegalStateException when the registry already has this stage's meters: two bindings
     *     would add into the same counters
     */
    public static StageInstruments register(MeterRegistry registry, MeterNames names, String stage, Budget budget,
            boolean withAllocation, LatencyTimer.Shape shape) {
        synchronized (registry) {
            if (registry.find(names.calls()).tag(MeterNames.STAGE_TAG, stage).counter() != null) {
                throw new IllegalStateException("stage '" + stage + "' must be bound once per registry, but "
                        + names.calls() + "{" + MeterNames.STAGE_TAG + "=" + stage + "} is already registered;"
                        + " close the other binding first");
            }
            List<Meter> meters = new ArrayList<>();
            Timer latency = LatencyTimer.register(registry, names, stage, budget, shape);
            meters.add(latency);
            Counter calls = Counter.builder(names.calls())
                    .description("Calls of the stage, successful and failed")
                    .tag(MeterNames.STAGE_TAG, stage)
                    .register(registry);
            meters.add(calls);
            Counter failures = Counter.builder(names.failures())
                    .description("Calls of the stage that threw")
                    .tag(MeterNames.STAGE_TAG, stage)
                    .register(registry);
            meters.add(failures);
            DistributionSummary allocation = null;
            if (withAllocation) {
                allocation = DistributionSummary.builder(names.allocation())
                        .description("Bytes allocated by the calling thread per call (the mean of each refresh)")
                        .baseUnit("bytes")
                        .tag(MeterNames.STAGE_TAG, stage)
                        .register(registry);
                meters.add(allocation);
            }
            BudgetGauges gauges = BudgetGauges.register(registry, names, stage, budget.limits(), meters);
            return new StageInstruments(registry, latency, calls, failures, allocation, gauges, meters);
        }
    }

    /** Removes every meter of the stage from the registry. */
    public void remove() {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
    }
}
