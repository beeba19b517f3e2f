package dev.budget4j.internal;

import org.HdrHistogram.Histogram;

/**
 * Figures of calls over an interval: latency histogram, failures, allocation, time span. Not
 * thread-safe: a {@link CallStripe} lets one writer at a time at it, and readers own theirs.
 */
final class CallInterval {
    static final long UNSET = Long.MAX_VALUE;

    final Histogram latency = newHistogram();
    long failures;
    long allocatedBytes;
    /** Calls whose allocation the JVM could not count (virtual threads); any makes the total unknown. */
    long unmeasuredAllocationCalls;
    long firstStart = UNSET;
    long lastEnd = Long.MIN_VALUE;

    static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    /**
     * Adds one call. Failures, allocation and time span go in with the latency, so a reader never
     * sees a failure without its call.
     *
     * @param start the ticker's reading before the call, nanoseconds
     * @param end the ticker's reading after the call, nanoseconds
     * @param failed whether the call threw
     * @param allocatedBytes bytes the call allocated, {@code >= 0} (0 when not tracked), or -1 when the
     *     JVM could not count them
     */
    void record(long start, long end, boolean failed, long allocatedBytes) {
        long latency = end - start;
        this.latency.recordValue(latency < 0 ? 0 : latency);
        if (failed) {
            failures++;
        }
        if (allocatedBytes < 0) {
            unmeasuredAllocationCalls++;
        } else {
            this.allocatedBytes += allocatedBytes;
        }
        if (start < firstStart) {
            firstStart = start;
        }
        if (end > lastEnd) {
            lastEnd = end;
        }
    }

    void add(CallInterval other) {
        latency.add(other.latency);
        failures += other.failures;
        allocatedBytes += other.allocatedBytes;
        unmeasuredAllocationCalls += other.unmeasuredAllocationCalls;
        firstStart = Math.min(firstStart, other.firstStart);
        lastEnd = Math.max(lastEnd, other.lastEnd);
    }

    void reset() {
        latency.reset();
        failures = 0;
        allocatedBytes = 0;
        unmeasuredAllocationCalls = 0;
        firstStart = UNSET;
        lastEnd = Long.MIN_VALUE;
    }

    long elapsedNanos() {
        return latency.getTotalCount() == 0 ? 0 : Math.max(0, lastEnd - firstStart);
    }

    /** {@return bytes the histogram's counts take, the bulk of an interval's footprint} */
    long footprintBytes() {
        return latency.getEstimatedFootprintInBytes();
    }
}
