package dev.budget4j.micrometer.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread, shared by every binding, that refreshes bindings on their schedules. It is
 * started by the first binding that asks for a schedule.
 */
public final class Refresher {
    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    private Refresher() {
    }

    private static final class Pool {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "budget4j-meters-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code refresh} every {@code period}, with that delay between the end of one run and the
     * start of the next. A run that throws is logged, and the schedule goes on.
     *
     * @return the schedule; cancel it to stop
     */
    public static Future<?> every(Duration period, String what, Runnable refresh) {
        long nanos = period.toNanos();
        return Pool.INSTANCE.scheduleWithFixedDelay(() -> {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                LOG.warn("budget4j: refreshing the meters of {} failed; trying again in {}", what, period, e);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }
}
