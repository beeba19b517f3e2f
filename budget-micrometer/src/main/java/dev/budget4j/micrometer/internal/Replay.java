package dev.budget4j.micrometer.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Records what budget-core already measured into Micrometer meters, off the calls' path. Micrometer
 * has no "record this value n times", so each call is replayed once: the cost is one
 * {@code record} per call, paid by the refreshing thread instead of the calling one.
 */
final class Replay {
    private Replay() {
    }

    /**
     * Records every value of a latency histogram into a timer, as many times as it was counted.
     * Values are HdrHistogram's highest equivalent value of each bucket (3 significant digits), the
     * value budget-core reports percentiles with, so a call counts as within a service-level
     * objective in Micrometer exactly when it does in budget-core.
     *
     * @param latencyNanos the calls to replay, in nanoseconds
     * @return calls replayed
     */
    static long latency(AbstractHistogram latencyNanos, Timer timer) {
        long calls = 0;
        for (HistogramIterationValue v : latencyNanos.recordedValues()) {
            long nanos = v.getValueIteratedTo();
            long count = v.getCountAddedInThisIterationStep();
            for (long i = 0; i < count; i++) {
                timer.record(nanos, TimeUnit.NANOSECONDS);
            }
            calls += count;
        }
        return calls;
    }

    /**
     * Records allocation over {@code calls} calls. budget-core keeps the sum per interval, not each
     * call's bytes, so the calls are recorded at the interval's mean, split into whole bytes so that
     * the summary's sum is exactly {@code bytes} and its count exactly {@code calls}.
     */
    static void allocation(long bytes, long calls, DistributionSummary summary) {
        if (calls <= 0) {
            return;
        }
        long mean = bytes / calls;
        long remainder = bytes % calls;
        for (long i = 0; i < calls; i++) {
            summary.record(i < remainder ? mean + 1 : mean);
        }
    }
}
