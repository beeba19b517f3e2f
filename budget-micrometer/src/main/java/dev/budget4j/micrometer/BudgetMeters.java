package dev.budget4j.micrometer;

import dev.budget4j.BudgetedStage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.micrometer.internal.Drain;
import dev.budget4j.micrometer.internal.LatencyTimer;
import dev.budget4j.micrometer.internal.StageInstruments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Publishes a {@link BudgetedStage} to a Micrometer {@link MeterRegistry}: its latency, calls,
 * failures and allocation per call, and for each budget dimension its limit and whether it is met.
 *
 * <pre>{@code
 * BudgetedStage<String, String[]> tokenize = Budgets.budgetedStage(stage, Budget.parse("p99<=5ms errors<=0.1%"));
 * StageMeters meters = BudgetMeters.bind(tokenize, registry);
 * }</pre>
 *
 * <p>Binding does not wrap the stage: callers keep calling {@code tokenize}, whose per-call cost
 * does not change. What the stage already records is moved into the meters off the calls' path, by
 * {@link StageMeters#refresh()} (on a schedule, every second by default, and on demand). Counts are
 * exact: after a refresh, the calls counter equals the stage's {@code snapshot().calls()}; the
 * first refresh also publishes calls made before the binding.
 *
 * <p>Composition order: bind the outermost budgeted stage, {@code BudgetMeters.bind(
 * budgetedStage(Stages.withTimeout(Stages.memoize(stage))))}, that is
 * Meters(Budget(Timeout(Memoize(stage)))): the meters then show what the budget saw, which is what
 * the caller saw. A budgeted pipeline's parts are budgeted stages of their own; bind each part that
 * should have meters.
 *
 * <p>Meters (names from {@link MeterNames}; every meter is tagged {@code stage=<stage name>}):
 * <ul>
 *   <li>{@code budget4j.stage.latency}, a timer: every call's latency, failed calls included. The
 *   budget's percentiles are published ({@link Builder#percentiles(boolean)}; registries such as
 *   {@code SimpleMeterRegistry} show them, the Prometheus registry shows buckets instead), its
 *   latency limits are service-level objectives (bucket boundaries, plus one at twice the largest
 *   limit), and with {@link Builder#percentileHistogram(boolean)} (on by default) the percentile
 *   histogram too, so that Prometheus can compute {@code histogram_quantile} over a fleet.
 *   Latencies carry HdrHistogram's 3 significant digits.</li>
 *   <li>{@code budget4j.stage.calls} and {@code budget4j.stage.failures}, counters of calls.</li>
 *   <li>{@code budget4j.stage.allocation}, a distribution summary in bytes (base unit
 *   {@code bytes}), only when the stage tracks allocation; its count and sum are exact, each call
 *   is recorded at the mean of its refresh.</li>
 *   <li>{@code budget4j.budget.limit} and {@code budget4j.budget.met}, gauges tagged also
 *   {@code dimension=<label>}: the limit in base units (seconds, calls per second, a fraction,
 *   bytes), and 1 when met, 0 when violated, NaN when inconclusive, over the stage's whole run.</li>
 * </ul>
 */
public final class BudgetMeters {
    /** The refresh period when none is set. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

    private BudgetMeters() {
    }

    /**
     * Binds a stage to a registry with the defaults: names under {@code budget4j}, the percentile
     * histogram published, a refresh every second.
     *
     * @param stage the budgeted stage, not null
     * @param registry the registry, not null
     * @return the binding; close it to remove the meters
     * @throws IllegalStateException when a stage of the same name is already bound to the registry
     */
    public static StageMeters bind(BudgetedStage<?, ?> stage, MeterRegistry registry) {
        return builder(stage).bindTo(registry);
    }

    /**
     * Starts configuring a binding.
     *
     * @param stage the budgeted stage, not null
     * @return a builder
     */
    public static Builder builder(BudgetedStage<?, ?> stage) {
        return new Builder(Require.notNull(stage, "stage"));
    }

    /**
     * Configures a binding. Each setting may be given once; {@link #bindTo} may be called for
     * several registries.
     */
    public static final class Builder {
        private final BudgetedStage<?, ?> stage;
        private MeterNames names;
        private Boolean percentileHistogram;
        private Boolean percentiles;
        private Duration refreshEvery;
        private Duration minimumLatency;
        private Duration maximumLatency;

        private Builder(BudgetedStage<?, ?> stage) {
            this.stage = stage;
        }

        /**
         * Sets the names of the published meters.
         *
         * @param names the meter names (default {@link MeterNames#DEFAULT})
         * @return this builder
         */
        public Builder names(MeterNames names) {
            this.names = Require.once(this.names, Require.notNull(names, "names"), "names");
            return this;
        }

        /**
         * Sets whether the latency timer publishes Micrometer's percentile histogram.
         *
         * @param on whether the latency timer publishes Micrometer's percentile histogram (default
         *     on): the buckets Prometheus needs to compute quantiles across instances; the limits are
         *     bucket boundaries either way
         * @return this builder
         */
        public Builder percentileHistogram(boolean on) {
            this.percentileHistogram = Require.once(this.percentileHistogram, on, "percentileHistogram");
            return this;
        }

        /**
         * Sets whether the latency timer publishes the budget's percentiles.
         *
         * @param on whether the latency timer publishes the budget's percentiles, computed in this
         *     process (default on). The Prometheus registry does not expose them for a timer with
         *     buckets, as this one always has, so with it they only cost: switching them off saves
         *     about 40% of the refreshing thread's time per call published (the
         *     {@code MicrometerBinding} benchmark).
         * @return this builder
         */
        public Builder percentiles(boolean on) {
            this.percentiles = Require.once(this.percentiles, on, "percentiles");
            return this;
        }

        /**
         * Sets how often the stage's figures are copied into its meters.
         *
         * @param period time between scheduled refreshes, &gt; 0, or {@link Duration#ZERO} to refresh
         *     only when {@link StageMeters#refresh()} is called (default 1 s)
         * @return this builder
         */
        public Builder refreshEvery(Duration period) {
            Require.notNull(period, "refreshEvery");
            Require.that(!period.isNegative(), "refreshEvery", "must be > 0 ns, or zero for refresh() only", period);
            this.refreshEvery = Require.once(this.refreshEvery, period, "refreshEvery");
            return this;
        }

        /**
         * Sets the range of the percentile histogram's buckets. The default, with latency limits in
         * the budget, is a tenth of the smallest limit (within [1 us, 1 ms]) to ten times the largest
         * (at least 30 s); without, Micrometer's default (1 ms to 30 s). Fewer buckets are fewer series.
         *
         * @param minimum the lowest bucket, &gt; 0
         * @param maximum the highest bucket, &gt; {@code minimum}
         * @return this builder
         */
        public Builder histogramRange(Duration minimum, Duration maximum) {
            Require.positive(minimum, "minimum");
            Require.positive(maximum, "maximum");
            Require.that(maximum.compareTo(minimum) > 0, "maximum", "must be > minimum (" + minimum + ")", maximum);
            Require.once(minimumLatency == null ? null : "[" + minimumLatency + ", " + maximumLatency + "]",
                    "[" + minimum + ", " + maximum + "]", "histogramRange");
            this.minimumLatency = minimum;
            this.maximumLatency = maximum;
            return this;
        }

        /**
         * Registers the stage's meters in a registry and starts refreshing them.
         *
         * @param registry the registry, not null
         * @return the binding; close it to stop refreshing and remove the meters
         * @throws IllegalStateException when a stage of the same name is already bound to the
         *     registry (the two would add into the same counters)
         */
        public StageMeters bindTo(MeterRegistry registry) {
            Require.notNull(registry, "registry");
            String name = stage.name();
            boolean withAllocation = stage.snapshot().allocatedBytes().isPresent();
            StageInstruments instruments = StageInstruments.register(registry,
                    names == null ? MeterNames.DEFAULT : names, name, stage.budget(), withAllocation,
                    new LatencyTimer.Shape(percentiles == null || percentiles,
                            percentileHistogram == null || percentileHistogram, minimumLatency, maximumLatency));
            return new StageMeters(name, registry, instruments, new Drain(stage, instruments),
                    refreshEvery == null ? DEFAULT_REFRESH : refreshEvery);
        }
    }
}
