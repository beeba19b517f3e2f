package dev.budget4j;

import dev.budget4j.internal.DefaultBudgetedStage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spi.BudgetListener;
import dev.budget4j.spi.MemoryProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Wraps stages in budgets.
 *
 * <pre>{@code
 * BudgetedStage<String, String> clean =
 *     Budgets.budgetedStage(Stage.of("clean", String::strip), Budget.parse("p99<=1ms"));
 * clean.apply("  text ");
 * clean.verdict().assertMet();
 * }</pre>
 *
 * <p>In {@link Enforcement#RECORD} (the default) and {@link Enforcement#LOG} modes a budgeted stage
 * returns and throws exactly what the wrapped stage does; in {@link Enforcement#THROW} mode a call
 * that misses the budget throws {@link BudgetExceededException} instead of returning. Per call it
 * reads the ticker twice and records the latency into one of a fixed set of HdrHistogram stripes
 * (one atomic instruction, no allocation, no per-thread state, so short-lived virtual threads cost
 * nothing to remember); with allocation tracking on it also reads the thread's allocated bytes
 * twice. Close a budgeted stage ({@link BudgetedStage#close()}) to release its RSS window. Stack decorators in this order: {@code budgetedStage(Stages.withTimeout(
 * Stages.memoize(stage)))}, that is Budget(Timeout(Memoize(stage))), so the budget sees the
 * latency the caller sees.
 *
 * <p>Overrides without a rebuild: the system property {@code budget4j.budget.<stage name>}, or
 * else the environment variable {@code BUDGET4J_BUDGET_<STAGE NAME>} (upper case, every character
 * other than a letter or digit replaced by {@code _}), replaces the budget when the stage is
 * built; {@link Verdict#overridden()} then says so.
 */
public final class Budgets {
    private Budgets() {
    }

    /**
     * Wraps a stage in a budget with the defaults: {@link Enforcement#RECORD}, the system ticker,
     * allocation tracked when the budget bounds {@code alloc}.
     *
     * @param stage the stage, not null
     * @param budget the budget, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return the budgeted stage, named as {@code stage}
     */
    public static <I, O> BudgetedStage<I, O> budgetedStage(Stage<I, O> stage, Budget budget) {
        return budgeted(stage).budget(budget).build();
    }

    /**
     * Names a function and wraps it in a budget with the defaults.
     *
     * @param name the stage name, not blank
     * @param function the function, not null
     * @param budget the budget, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return the budgeted stage
     */
    public static <I, O> BudgetedStage<I, O> budgetedStage(String name, Function<? super I, ? extends O> function,
            Budget budget) {
        return budgetedStage(Stage.of(name, function), budget);
    }

    /**
     * Starts configuring a budgeted stage.
     *
     * @param stage the stage, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return a builder; {@link Builder#budget(Budget)} must be called
     */
    public static <I, O> Builder<I, O> budgeted(Stage<I, O> stage) {
        return new Builder<>(Require.notNull(stage, "stage"));
    }

    /**
     * Configures a budgeted stage. Each setting may be given once.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> {
        private final Stage<I, O> stage;
        private Budget budget;
        private Enforcement enforcement;
        private Duration window;
        private Long windowCalls;
        private Ticker ticker;
        private Boolean trackAllocation;
        private Boolean jfrCallEvents;
        private MemoryProbe memoryProbe;
        private final List<BudgetListener> listeners = new ArrayList<>();

        private Builder(Stage<I, O> stage) {
            this.stage = stage;
        }

        /**
         * Sets the budget the stage is checked against.
         *
         * @param budget the budget, not null
         * @return this builder
         */
        public Builder<I, O> budget(Budget budget) {
            this.budget = Require.once(this.budget, Require.notNull(budget, "budget"), "budget");
            return this;
        }

        /**
         * Sets what happens when the budget is missed.
         *
         * @param mode what to do on a violation (default {@link Enforcement#RECORD})
         * @return this builder
         */
        public Builder<I, O> enforcement(Enforcement mode) {
            this.enforcement = Require.once(this.enforcement, Require.notNull(mode, "enforcement"), "enforcement");
            return this;
        }

        /**
         * Sets how long an enforcement window lasts; {@code LOG} and {@code THROW} check the
         * windowed dimensions when a window closes.
         *
         * @param window how long an enforcement window lasts, &gt; 0 (default 1 s); used by LOG and THROW
         * @return this builder
         */
        public Builder<I, O> window(Duration window) {
            this.window = Require.once(this.window, Require.positive(window, "window"), "window");
            return this;
        }

        /**
         * Also closes an enforcement window after a number of calls.
         *
         * @param calls also close an enforcement window after this many calls, &gt; 0 (default: by time only)
         * @return this builder
         */
        public Builder<I, O> windowCalls(long calls) {
            this.windowCalls = Require.once(this.windowCalls, Require.positive(calls, "windowCalls"), "windowCalls");
            return this;
        }

        /**
         * Sets the clock latencies and windows are measured with; tests pass a
         * {@link ManualTicker}.
         *
         * @param ticker the time source (default {@link Ticker#system()})
         * @return this builder
         */
        public Builder<I, O> ticker(Ticker ticker) {
            this.ticker = Require.once(this.ticker, Require.notNull(ticker, "ticker"), "ticker");
            return this;
        }

        /**
         * Turns the per-call allocation measurement on or off.
         *
         * @param on whether to measure bytes allocated by the calling thread per call (default: on
         *     when the budget bounds {@code alloc}); costs two reads of the thread's allocation counter
         * @return this builder
         */
        public Builder<I, O> trackAllocation(boolean on) {
            this.trackAllocation = Require.once(this.trackAllocation, on, "trackAllocation");
            return this;
        }

        /**
         * Turns the per-call JFR event on or off.
         *
         * @param on whether to emit a {@code dev.budget4j.StageCall} JFR event per call (default off;
         *     the event type is also disabled in JFR's default settings)
         * @return this builder
         */
        public Builder<I, O> jfrCallEvents(boolean on) {
            this.jfrCallEvents = Require.once(this.jfrCallEvents, on, "jfrCallEvents");
            return this;
        }

        /**
         * Sets the probe that measures the process's resident set size.
         *
         * @param probe reads RSS for the {@code rss} and {@code rssGrowth} dimensions, not null
         *     (default: the first {@link MemoryProbe} found by {@link java.util.ServiceLoader});
         *     the stage opens one window on it and closes that window in {@link BudgetedStage#close()}
         * @return this builder
         */
        public Builder<I, O> memoryProbe(MemoryProbe probe) {
            this.memoryProbe = Require.once(this.memoryProbe, Require.notNull(probe, "memoryProbe"), "memoryProbe");
            return this;
        }

        /**
         * Adds a listener told about violations.
         *
         * @param listener told about violations in LOG and THROW modes, not null
         * @return this builder
         */
        public Builder<I, O> listener(BudgetListener listener) {
            listeners.add(Require.notNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the stage.
         *
         * @return the budgeted stage
         * @throws IllegalStateException when no budget was given, or the budget needs a memory probe
         *     and none is on the class path
         * @throws IllegalArgumentException when the budget bounds {@code cacheHitRate} but the
         *     stage is not memoized, or an override does not parse
         */
        public BudgetedStage<I, O> build() {
            if (budget == null) {
                throw new IllegalStateException("budget must be set before build(), but was not");
            }
            return new DefaultBudgetedStage<>(stage, budget,
                    enforcement == null ? Enforcement.RECORD : enforcement,
                    window == null ? Duration.ofSeconds(1) : window,
                    windowCalls == null ? 0 : windowCalls,
                    ticker == null ? Ticker.system() : ticker,
                    trackAllocation, jfrCallEvents != null && jfrCallEvents, List.copyOf(listeners), memoryProbe);
        }
    }
}
