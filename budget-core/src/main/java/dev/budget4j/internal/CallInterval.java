package dev.budget4j.internal;

import org.HdrHistogram.Histogram;

/** Figures of calls over an interval: latency histogram, failures, allocation, time span. */
final class CallInterval {
    static final long UNSET = Long.MAX_VALUE;

    final Histogram latency = newHistogram();
    long failures;
    long allocatedBytes;
    long firstStart = UNSET;
    long lastEnd = Long.MIN_VALUE;

    static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    void add(CallInterval other) {
        latency.add(other.latency);
        failures += other.failures;
        allocatedBytes += other.allocatedBytes;
        firstStart = Math.min(firstStart, other.firstStart);
        lastEnd = Math.max(lastEnd, other.lastEnd);
    }

    void reset() {
        latency.reset();
        failures = 0;
        allocatedBytes = 0;
        firstStart = UNSET;
        lastEnd = Long.MIN_VALUE;
    }

    long elapsedNanos() {
        return latency.getTotalCount() == 0 ? 0 : Math.max(0, lastEnd - firstStart);
    }
}
