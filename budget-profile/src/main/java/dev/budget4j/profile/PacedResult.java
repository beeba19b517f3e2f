package dev.budget4j.profile;

import org.HdrHistogram.Histogram;

/**
 * The figures of a paced run ({@link Harness#runPaced}).
 *
 * @param stage the stage name
 * @param targetCallsPerSecond the arrival rate asked for
 * @param response {@code end - intended start} per call, nanoseconds (copied on access)
 * @param service {@code end - actual start} per call, nanoseconds (copied on access)
 * @param lateStarts calls that started more than 1 µs after their intended start
 * @param failures calls that threw
 * @param elapsedNanos wall time from the first intended start to the last end
 */
public record PacedResult(String stage, double targetCallsPerSecond, Histogram response, Histogram service,
        long lateStarts, long failures, long elapsedNanos) {

    /**
     * Copies the histograms.
     *
     * @param stage see the record description
     * @param targetCallsPerSecond see the record description
     * @param response see the record description
     * @param service see the record description
     * @param lateStarts see the record description
     * @param failures see the record description
     * @param elapsedNanos see the record description
     */
    public PacedResult {
        response = response.copy();
        service = service.copy();
    }

    /** {@return a copy of the response-time histogram, nanoseconds} */
    @Override
    public Histogram response() {
        return response.copy();
    }

    /** {@return a copy of the service-time histogram, nanoseconds} */
    @Override
    public Histogram service() {
        return service.copy();
    }

    /**
     * A response-time percentile (what a caller arriving on schedule waits).
     *
     * @param percentile in (0, 100]
     * @return nanoseconds
     */
    public long responsePercentileNanos(double percentile) {
        return response.getValueAtPercentile(percentile);
    }

    /**
     * A service-time percentile (the call alone).
     *
     * @param percentile in (0, 100]
     * @return nanoseconds
     */
    public long servicePercentileNanos(double percentile) {
        return service.getValueAtPercentile(percentile);
    }

    /** {@return calls completed per second over the run} */
    public double achievedCallsPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : response.getTotalCount() * 1e9 / elapsedNanos;
    }
}
