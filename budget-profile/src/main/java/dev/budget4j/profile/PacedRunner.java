package dev.budget4j.profile;

import dev.budget4j.Stage;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Calls a stage at a fixed arrival rate and charges each call from its intended start, so a call
 * that starts late behind a slow one is charged for the wait (no coordinated omission). Holds
 * settings only: what one run writes goes to the {@link Sink} it is handed.
 */
final class PacedRunner {
    /** A call that starts more than this after its intended start counts as late, in nanoseconds. */
    static final long LATE_NANOS = 1_000;

    private final double callsPerSecond;
    private final int calls;

    /**
     * @param callsPerSecond the arrival rate, finite and &gt; 0
     * @param calls calls to make, {@code >= 1}
     */
    PacedRunner(double callsPerSecond, int calls) {
        this.callsPerSecond = callsPerSecond;
        this.calls = calls;
    }

    /** Makes every call on inputs cycled from {@code pool}; the caller has warmed the stage up. */
    <I> PacedResult run(Stage<I, ?> stage, List<I> pool, Sink sink) {
        double period = 1e9 / callsPerSecond;
        Histogram response = new Histogram(3);
        response.setAutoResize(true);
        Histogram service = new Histogram(3);
        service.setAutoResize(true);
        long late = 0;
        long failures = 0;
        int n = pool.size();
        long t0 = System.nanoTime();
        long lastEnd = t0;
        for (int i = 0; i < calls; i++) {
            long intended = t0 + (long) (i * period);
            long now = System.nanoTime();
            if (now < intended) {
                waitUntil(intended);
            } else if (now - intended > LATE_NANOS) {
                late++;
            }
            long start = System.nanoTime();
            if (sink.apply(stage, pool.get(i % n))) {
                failures++;
            }
            long end = System.nanoTime();
            response.recordValue(Math.max(0, end - intended));
            service.recordValue(Math.max(0, end - start));
            lastEnd = end;
        }
        return new PacedResult(stage.name(), callsPerSecond, response, service, late, failures, lastEnd - t0);
    }

    private static void waitUntil(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (left > 100_000) {
                LockSupport.parkNanos(left - 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
