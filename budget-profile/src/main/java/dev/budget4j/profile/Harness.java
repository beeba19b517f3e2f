package dev.budget4j.profile;

import dev.budget4j.Stage;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spi.MemoryProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Measures a stage the careful way: inputs from a seeded supplier (generated before timing),
 * warmup, then {@code rounds} rounds of {@code iterations} timed calls each. Each round yields its
 * own histogram, throughput and allocation; across rounds, {@link HarnessResult#summary} gives
 * the median-of-medians with min, max, mean and stddev, the figures a {@link Gate} compares.
 *
 * <pre>{@code
 * Harness harness = Harness.builder().warmupIterations(2_000).iterations(5_000).rounds(5).seed(42).build();
 * HarnessResult result = harness.run(Stage.of("sort", Sorts::sorted), random -> randomInts(random, 1_000));
 * result.evaluate(Budget.parse("p99<=2ms alloc<=8KiB")).assertMet();
 * }</pre>
 *
 * <p>A harness is settings only and never changes, so one harness may run several stages at the
 * same time. Each run generates its own input pool, warms the stage up and hands its calls to a
 * runner: back to back for {@link #run}, at a fixed arrival rate for {@link #runPaced}. Per call a
 * runner reads {@link System#nanoTime()} twice and, when allocation is tracked, the calling
 * thread's allocation counter twice (outside the timed section). Outputs go to a sink of that run
 * alone, so the JIT cannot drop the work. Inputs are drawn from a pool of
 * {@link Builder#inputPoolSize(int)} values, cycled; a stage must not modify its input.
 */
public final class Harness {
    private final int warmupIterations;
    private final Duration warmupTime;
    private final int iterations;
    private final int rounds;
    private final long seed;
    private final int inputPoolSize;
    private final boolean trackAllocation;
    private final MemoryProbe probe;
    private final Runnable beforeEachRound;
    private final ClosedLoopRunner closedLoop;

    private Harness(Builder b) {
        this.warmupIterations = b.warmupIterations == null ? 1_000 : b.warmupIterations;
        this.warmupTime = b.warmupTime == null ? Duration.ZERO : b.warmupTime;
        this.iterations = b.iterations == null ? 2_000 : b.iterations;
        this.rounds = b.rounds == null ? 5 : b.rounds;
        this.seed = b.seed == null ? 42L : b.seed;
        this.inputPoolSize = b.inputPoolSize == null ? 64 : b.inputPoolSize;
        this.trackAllocation = b.trackAllocation == null || b.trackAllocation;
        this.probe = b.probe;
        this.beforeEachRound = b.beforeEachRound;
        this.closedLoop = new ClosedLoopRunner(iterations, rounds, trackAllocation, probe, beforeEachRound);
    }

    /** {@return a builder with the defaults: 1,000 warmup calls, 2,000 calls per round, 5 rounds, seed 42} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return measurement calls per round, {@code >= 1}} */
    public int iterations() {
        return iterations;
    }

    /** {@return rounds per run, {@code >= 1}} */
    public int rounds() {
        return rounds;
    }

    /** {@return the seed of the input supplier's random source} */
    public long seed() {
        return seed;
    }

    /** {@return warmup calls before the first round} */
    int warmupIterations() {
        return warmupIterations;
    }

    /** {@return the least warmup time} */
    Duration warmupTime() {
        return warmupTime;
    }

    /** {@return distinct inputs generated before timing} */
    int inputPoolSize() {
        return inputPoolSize;
    }

    /** {@return whether bytes allocated per call are measured} */
    boolean trackAllocation() {
        return trackAllocation;
    }

    /** {@return the memory probe, or null when RSS is not measured} */
    public MemoryProbe memoryProbe() {
        return probe;
    }

    /**
     * A harness with the same settings but {@code rounds} rounds.
     *
     * @param rounds {@code >= 1}
     * @return the new harness
     */
    public Harness withRounds(int rounds) {
        Builder b = toBuilder();
        b.rounds = null;
        return b.rounds(rounds).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.warmupIterations = warmupIterations;
        b.warmupTime = warmupTime;
        b.iterations = iterations;
        b.rounds = rounds;
        b.seed = seed;
        b.inputPoolSize = inputPoolSize;
        b.trackAllocation = trackAllocation;
        b.probe = probe;
        b.probeSet = true;
        b.beforeEachRound = beforeEachRound;
        return b;
    }

    /**
     * Runs the stage: warmup, then every round.
     *
     * @param stage the stage, not null
     * @param inputs makes one input from the seeded random source, not null; called before timing
     * @param <I> the input type
     * @return the figures of every round
     * @throws IllegalArgumentException when the supplier returns null
     */
    public <I> HarnessResult run(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs) {
        Require.notNull(stage, "stage");
        List<I> pool = inputs(inputs, inputPoolSize, seed);
        Sink sink = new Sink();
        JvmFigures start = JvmFigures.read();
        warmup(stage, pool, sink);
        List<StageSnapshot> measured = closedLoop.run(stage, pool, sink);
        JvmFigures jvm = JvmFigures.read().since(start);
        long peak = probe == null ? -1 : probe.peakRssBytes().orElse(-1);
        return new HarnessResult(stage.name(), measured, jvm, peak);
    }

    static <I> List<I> inputs(Function<SplittableRandom, ? extends I> inputs, int count, long seed) {
        Require.notNull(inputs, "inputs");
        SplittableRandom random = new SplittableRandom(seed);
        List<I> pool = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            I input = inputs.apply(random);
            if (input == null) {
                throw new IllegalArgumentException("inputs must not return null, but returned null for input " + i);
            }
            pool.add(input);
        }
        return pool;
    }

    private <I> void warmup(Stage<I, ?> stage, List<I> pool, Sink sink) {
        long deadline = System.nanoTime() + warmupTime.toNanos();
        int n = pool.size();
        for (long i = 0; i < warmupIterations || System.nanoTime() < deadline; i++) {
            sink.apply(stage, pool.get((int) (i % n)));
        }
    }

    /**
     * Runs the stage at a fixed arrival rate and records each call's response time as
     * {@code end - intended start}: a call that starts late because the one before it was slow
     * is charged for the wait, as a real client would feel it (no coordinated omission). The
     * service time ({@code end - actual start}) is recorded beside it.
     *
     * @param stage the stage, not null
     * @param inputs makes one input from the seeded random source, not null
     * @param callsPerSecond the target arrival rate, finite and &gt; 0
     * @param calls how many calls to make, {@code >= 1}
     * @param <I> the input type
     * @return response and service times, and how many calls started late
     */
    public <I> PacedResult runPaced(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs,
            double callsPerSecond, int calls) {
        Require.notNull(stage, "stage");
        Require.positive(callsPerSecond, "callsPerSecond");
        Require.atLeast(calls, 1, "calls");
        List<I> pool = inputs(inputs, inputPoolSize, seed);
        Sink sink = new Sink();
        warmup(stage, pool, sink);
        return new PacedRunner(callsPerSecond, calls).run(stage, pool, sink);
    }

    /** Configures a {@link Harness}; each setting may be given once. */
    public static final class Builder {
        private Integer warmupIterations;
        private Duration warmupTime;
        private Integer iterations;
        private Integer rounds;
        private Long seed;
        private Integer inputPoolSize;
        private Boolean trackAllocation;
        private MemoryProbe probe;
        private boolean probeSet;
        private Runnable beforeEachRound;

        private Builder() {
        }

        /**
         * Sets how many calls warm the stage up before the first round.
         *
         * @param calls warmup calls before the first round, {@code >= 0} (default 1,000)
         * @return this builder
         */
        public Builder warmupIterations(int calls) {
            this.warmupIterations = Require.once(warmupIterations, Require.atLeast(calls, 0, "warmupIterations"), "warmupIterations");
            return this;
        }

        /**
         * Sets a minimum warmup time, on top of the warmup calls.
         *
         * @param time also warm up until this much time has passed, {@code >= 0} (default 0); warmup
         *     ends when both the calls and the time are done
         * @return this builder
         */
        public Builder warmupTime(Duration time) {
            Require.notNull(time, "warmupTime");
            Require.that(!time.isNegative(), "warmupTime", "must be >= 0", time);
            this.warmupTime = Require.once(warmupTime, time, "warmupTime");
            return this;
        }

        /**
         * Sets how many timed calls each round makes.
         *
         * @param calls timed calls per round, {@code >= 1} (default 2,000)
         * @return this builder
         */
        public Builder iterations(int calls) {
            this.iterations = Require.once(iterations, Require.atLeast(calls, 1, "iterations"), "iterations");
            return this;
        }

        /**
         * Sets how many measurement rounds are run.
         *
         * @param rounds measurement rounds, in [1, 1000] (default 5)
         * @return this builder
         */
        public Builder rounds(int rounds) {
            Require.that(rounds >= 1 && rounds <= 1000, "rounds", "must be in [1, 1000]", rounds);
            this.rounds = Require.once(this.rounds, rounds, "rounds");
            return this;
        }

        /**
         * Sets the seed of the random source handed to the input supplier.
         *
         * @param seed seed of the random source handed to the input supplier (default 42)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = Require.once(this.seed, seed, "seed");
            return this;
        }

        /**
         * Sets how many distinct inputs are generated before timing; the timed calls cycle through them.
         *
         * @param size distinct inputs generated before timing and cycled, in [1, 1,000,000] (default 64)
         * @return this builder
         */
        public Builder inputPoolSize(int size) {
            Require.that(size >= 1 && size <= 1_000_000, "inputPoolSize", "must be in [1, 1000000]", size);
            this.inputPoolSize = Require.once(inputPoolSize, size, "inputPoolSize");
            return this;
        }

        /**
         * Sets whether the bytes allocated per call are measured.
         *
         * @param on measure bytes allocated per call (default on where the JVM supports it)
         * @return this builder
         */
        public Builder trackAllocation(boolean on) {
            this.trackAllocation = Require.once(trackAllocation, on, "trackAllocation");
            return this;
        }

        /**
         * Sets the probe that measures the process's resident set size.
         *
         * @param probe measures peak RSS per round through one window per round; null for none (the default)
         * @return this builder
         */
        public Builder memoryProbe(MemoryProbe probe) {
            if (probeSet) {
                throw new IllegalStateException("memoryProbe must be set once, but was already set to " + this.probe);
            }
            probeSet = true;
            this.probe = probe;
            return this;
        }

        /**
         * Sets an action that runs before every timed round of {@link Harness#run}, on the
         * measuring thread, after warmup and outside the timed section. The forked gate's duet
         * mode uses it to start each round of the baseline and the candidate at the same moment,
         * so that whatever slows the machine during a round slows both.
         *
         * @param hook runs before every round, not null (default: nothing); whatever it throws ends the run
         * @return this builder
         */
        public Builder beforeEachRound(Runnable hook) {
            this.beforeEachRound = Require.once(this.beforeEachRound, Require.notNull(hook, "beforeEachRound"), "beforeEachRound");
            return this;
        }

        /** {@return the harness} */
        public Harness build() {
            return new Harness(this);
        }
    }
}
