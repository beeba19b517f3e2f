package dev.budget4j;

import dev.budget4j.internal.util.Require;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when told to: for tests that need exact latencies.
 *
 * <p>A stage under test advances it to say how long a call took:
 * {@code Stage.of("slow", x -> { ticker.advance(Duration.ofMillis(5)); return x; })}.
 * Thread-safe.
 */
public final class ManualTicker implements Ticker {
    private final AtomicLong now = new AtomicLong();

    /** Creates a ticker reading 0 ns. */
    public ManualTicker() {
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /**
     * Moves the ticker forward.
     *
     * @param amount how far, zero or positive
     * @return this ticker
     */
    public ManualTicker advance(Duration amount) {
        Require.notNull(amount, "amount");
        return advanceNanos(amount.toNanos());
    }

    /**
     * Moves the ticker forward.
     *
     * @param nanos how far in nanoseconds, zero or positive
     * @return this ticker
     */
    public ManualTicker advanceNanos(long nanos) {
        Require.atLeast(nanos, 0, "nanos");
        now.addAndGet(nanos);
        return this;
    }
}
