package dev.budget4j.profile;

import dev.budget4j.Ticker;
import dev.budget4j.internal.util.Require;

/**
 * How {@link Ladder#climbInSitu} measures rungs where they run: inside real calls of the program
 * around the stage, rungs interleaved call by call, so that each rung meets the caches, the heap
 * and the neighbours the stage really has. A stage that scans 13.5 MB between two calls that
 * evict it from the caches is a different stage from the same code in a warm loop.
 *
 * <p>The schedule is block-randomized: a block is one real call per rung, in an order shuffled
 * with {@link #seed()}; first {@link #warmupCalls()} blocks that are not recorded, then
 * {@link #calls()} blocks that are. Every rung therefore sees the same drift of the machine, and
 * no rung always follows the same other rung. Only the stage's own time inside each real call is
 * recorded, read from {@link #ticker()}.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public final class InSitu {
    private final int warmupCalls;
    private final int calls;
    private final long seed;
    private final Ticker ticker;

    private InSitu(Builder b) {
        this.warmupCalls = b.warmupCalls;
        this.calls = b.calls;
        this.seed = b.seed;
        this.ticker = b.ticker;
    }

    /** {@return a builder with the defaults: 20 warm-up calls and 200 measured calls per rung, seed 42, the system ticker} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return unrecorded real calls per rung before the measured ones, {@code >= 0}} */
    public int warmupCalls() {
        return warmupCalls;
    }

    /** {@return recorded real calls per rung, {@code >= 1}} */
    public int calls() {
        return calls;
    }

    /** {@return the seed of the order of rungs within each block} */
    public long seed() {
        return seed;
    }

    /** {@return the clock each stage call is timed with, nanoseconds} */
    public Ticker ticker() {
        return ticker;
    }

    @Override
    public String toString() {
        return "InSitu[warmupCalls=" + warmupCalls + ", calls=" + calls + ", seed=" + seed + "]";
    }

    /** Configures an {@link InSitu}; each setter may be called once. */
    public static final class Builder {
        private int warmupCalls = 20;
        private int calls = 200;
        private long seed = 42;
        private Ticker ticker = Ticker.system();
        private boolean warmupSet;
        private boolean callsSet;
        private boolean seedSet;
        private boolean tickerSet;

        private Builder() {
        }

        /**
         * Sets the warm-up calls per rung, once.
         *
         * @param calls unrecorded real calls per rung before the measured ones, {@code >= 0}
         * @return this builder
         */
        public Builder warmupCalls(int calls) {
            once(warmupSet, "warmupCalls", this.warmupCalls);
            this.warmupCalls = Require.atLeast(calls, 0, "warmupCalls");
            warmupSet = true;
            return this;
        }

        /**
         * Sets the measured calls per rung, once.
         *
         * @param calls recorded real calls per rung, {@code >= 1}; 200 give p99 its two slowest calls
         * @return this builder
         */
        public Builder calls(int calls) {
            once(callsSet, "calls", this.calls);
            this.calls = Require.atLeast(calls, 1, "calls");
            callsSet = true;
            return this;
        }

        /**
         * Sets the seed of the rung order, once.
         *
         * @param seed seeds the order of rungs within each block
         * @return this builder
         */
        public Builder seed(long seed) {
            once(seedSet, "seed", this.seed);
            this.seed = seed;
            seedSet = true;
            return this;
        }

        /**
         * Sets the clock, once.
         *
         * @param ticker the clock that times each stage call (a {@code ManualTicker} in tests), not null
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            once(tickerSet, "ticker", this.ticker);
            this.ticker = Require.notNull(ticker, "ticker");
            tickerSet = true;
            return this;
        }

        private static void once(boolean set, String what, Object value) {
            if (set) {
                throw new IllegalStateException(what + " must be set once, but was already set to " + value);
            }
        }

        /** {@return the configuration; the builder may go on being used} */
        public InSitu build() {
            return new InSitu(this);
        }
    }
}
