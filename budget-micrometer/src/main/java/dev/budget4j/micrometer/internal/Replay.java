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
     * Records into a timer every call that {@code total} has and {@code published} has not, each
     * value as many times as the difference of the two counts. Values are HdrHistogram's highest
     * equivalent value of each bucket (3 significant digits), the value budget-core reports
     * percentiles with, so a call counts as within a service-level objective in Micrometer exactly
     * when it does in budget-core.
     *
     * @param published the calls replayed before, in nanoseconds, or null for none; a subset of {@code total}
     * @param total every call so far, in nanoseconds
     * @return calls replayed
     */
    static long latencySince(AbstractHistogram published, AbstractHistogram total, Timer timer) {
        long calls = 0;
        long publishedMax = published == null ? -1 : published.getMaxValue();
        for (HistogramIterationValue v : total.recordedValues()) {
            long nanos = v.getValueIteratedTo();
            long before = nanos <= publishedMax ? published.getCountAtValue(nanos) : 0;
            long count = v.getCountAtValueIteratedTo() - before;
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
