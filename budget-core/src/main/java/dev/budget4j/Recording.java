package dev.budget4j;

import dev.budget4j.internal.RecordingCodec;
import dev.budget4j.internal.util.Require;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * A stage's recording as a portable value: the latency histogram (nanoseconds, failed calls
 * included), failures, allocation, peak RSS, the wall-clock span the calls fell in, and the budget
 * they are held to. Recordings of the same stage made in different threads, JVMs or machines
 * {@link #merge merge} exactly — histograms add, counts sum, spans join — and a merged recording
 * is {@link #evaluate evaluated} against the budget like a local one: percentiles over the fleet,
 * not averages of per-instance percentiles.
 *
 * <p>{@link #encode()} gives a compact binary form (HdrHistogram's compressed encoding inside),
 * {@link #decode(byte[])} reads it back and names what is wrong with a bad one. Immutable.
 *
 * <pre>{@code
 * byte[] wire = Recording.of(budgetedTokenize).encode();       // on every executor or instance
 * Recording all = Recording.decode(a).merge(Recording.decode(b));
 * Verdict fleet = all.evaluate();                               // p99 of every call, everywhere
 * }</pre>
 */
public final class Recording {
    /** Significant digits of every recording's histogram, as budget-core records them. */
    public static final int PRECISION = 3;

    private final String stage;
    private final Budget budget;
    private final Histogram latency;
    private final long failures;
    private final long allocatedBytes;
    private final long startEpochNanos;
    private final long endEpochNanos;
    private final long peakRssBytes;
    private final long rssGrowthBytes;

    private Recording(String stage, Budget budget, Histogram latency, long failures, long allocatedBytes,
            long startEpochNanos, long endEpochNanos, long peakRssBytes, long rssGrowthBytes) {
        this.stage = stage;
        this.budget = budget;
        this.latency = latency;
        this.failures = failures;
        this.allocatedBytes = allocatedBytes;
        this.startEpochNanos = startEpochNanos;
        this.endEpochNanos = endEpochNanos;
        this.peakRssBytes = peakRssBytes;
        this.rssGrowthBytes = rssGrowthBytes;
    }

    /**
     * Creates a recording.
     *
     * @param stage the stage name, not blank
     * @param budget the budget the calls are held to, or null
     * @param latencyNanos every call's latency in nanoseconds, failed calls included; copied; must have
     *     {@link #PRECISION} significant digits
     * @param failures calls that threw, in [0, calls]
     * @param allocatedBytes bytes allocated across the calls, {@code >= 0}, or empty when not measured
     * @param startEpochNanos when the first call started, nanoseconds since the epoch
     * @param endEpochNanos when the last call ended, nanoseconds since the epoch, {@code >= startEpochNanos}
     * @param peakRssBytes peak process RSS in bytes, {@code >= 0}, or empty when not measured
     * @param rssGrowthBytes peak RSS minus RSS at the start in bytes, {@code >= 0}, or empty when not measured
     * @return the recording
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    public static Recording of(String stage, Budget budget, Histogram latencyNanos, long failures, OptionalLong allocatedBytes,
            long startEpochNanos, long endEpochNanos, OptionalLong peakRssBytes, OptionalLong rssGrowthBytes) {
        Require.notBlank(stage, "stage");
        Require.notNull(latencyNanos, "latencyNanos");
        Require.that(latencyNanos.getNumberOfSignificantValueDigits() == PRECISION, "latencyNanos",
                "must have " + PRECISION + " significant digits", latencyNanos.getNumberOfSignificantValueDigits());
        Require.that(failures >= 0 && failures <= latencyNanos.getTotalCount(), "failures",
                "must be in [0, calls=" + latencyNanos.getTotalCount() + "]", failures);
        long allocated = measured(allocatedBytes, "allocatedBytes");
        Require.that(endEpochNanos >= startEpochNanos, "endEpochNanos", "must be >= startEpochNanos (" + startEpochNanos + ")",
                endEpochNanos);
        long peak = measured(peakRssBytes, "peakRssBytes");
        long growth = measured(rssGrowthBytes, "rssGrowthBytes");
        Histogram copy = new Histogram(PRECISION);
        copy.setAutoResize(true);
        copy.add(latencyNanos);
        return new Recording(stage, budget, copy, failures, allocated, startEpochNanos, endEpochNanos, peak, growth);
    }

    /** {@return the bytes, or -1 (this class's private mark for "not measured") when empty} */
    private static long measured(OptionalLong bytes, String parameter) {
        Require.notNull(bytes, parameter);
        if (bytes.isEmpty()) {
            return -1;
        }
        return Require.atLeast(bytes.getAsLong(), 0, parameter);
    }

    /**
     * A budgeted stage's recording so far ({@link BudgetedStage#snapshot()}): its span ends now and
     * reaches back by the snapshot's elapsed time.
     *
     * @param stage the stage, not null
     * @return the recording
     */
    public static Recording of(BudgetedStage<?, ?> stage) {
        return ofSnapshot(Require.notNull(stage, "stage"), stage.snapshot());
    }

    /**
     * A budgeted stage's recording since the previous interval ({@link BudgetedStage#intervalSnapshot()}):
     * call it on a schedule to get consecutive, non-overlapping intervals, e.g. for an interval log.
     * Each call starts a new interval, so one consumer per stage should use it.
     *
     * @param stage the stage, not null
     * @return the interval's recording; its span ends now
     */
    public static Recording interval(BudgetedStage<?, ?> stage) {
        return ofSnapshot(Require.notNull(stage, "stage"), stage.intervalSnapshot());
    }

    /** A snapshot of {@code stage} as a recording whose span ends now. */
    private static Recording ofSnapshot(BudgetedStage<?, ?> stage, StageSnapshot s) {
        long end = epochNanosNow();
        return of(s.stage(), stage.budget(), s.histogram(), s.failures(), s.allocatedBytes(), end - s.elapsedNanos(), end,
                s.peakRssBytes(), s.rssGrowthBytes());
    }

    private static long epochNanosNow() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Reads an encoded recording.
     *
     * @param bytes what {@link #encode()} wrote, not null
     * @return the recording
     * @throws RecordingFormatException naming what is wrong and at which byte: truncated, corrupt,
     *     unknown version, another unit or precision
     */
    public static Recording decode(byte[] bytes) {
        return RecordingCodec.decode(Require.notNull(bytes, "bytes"));
    }

    /** {@return the compact binary form: a small header, then HdrHistogram's compressed histogram} */
    public byte[] encode() {
        return RecordingCodec.encode(this);
    }

    /**
     * Merges two recordings of the same stage under the same budget: histograms added, failures,
     * allocation summed (unknown when either is), spans joined, the higher peak RSS kept.
     *
     * @param other a recording of the same stage and budget, not null
     * @return the merged recording; both inputs are unchanged
     * @throws IllegalArgumentException naming the stage and what differs when the stages or budgets differ
     */
    public Recording merge(Recording other) {
        Require.notNull(other, "other");
        if (!stage.equals(other.stage)) {
            throw new IllegalArgumentException("recordings must be of one stage to merge, but were of '" + stage + "' and '"
                    + other.stage + "'");
        }
        if (!Objects.equals(budget, other.budget)) {
            throw new IllegalArgumentException("recordings of stage '" + stage + "' must share one budget to merge, but had '"
                    + budget + "' and '" + other.budget + "'");
        }
        Histogram h = latency.copy();
        h.add(other.latency);
        long alloc = allocatedBytes < 0 || other.allocatedBytes < 0 ? -1 : allocatedBytes + other.allocatedBytes;
        long peak = Math.max(peakRssBytes, other.peakRssBytes);
        long growth = Math.max(rssGrowthBytes, other.rssGrowthBytes);
        return new Recording(stage, budget, h, failures + other.failures, alloc,
                Math.min(startEpochNanos, other.startEpochNanos), Math.max(endEpochNanos, other.endEpochNanos), peak, growth);
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return the budget the calls are held to, when there is one} */
    public Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    /** {@return a copy of the latency histogram, nanoseconds} */
    public Histogram histogram() {
        return latency.copy();
    }

    /** {@return calls recorded} */
    public long calls() {
        return latency.getTotalCount();
    }

    /** {@return calls that threw} */
    public long failures() {
        return failures;
    }

    /** {@return bytes allocated across the calls, when measured} */
    public OptionalLong allocatedBytes() {
        return allocatedBytes < 0 ? OptionalLong.empty() : OptionalLong.of(allocatedBytes);
    }

    /** {@return when the first call started, nanoseconds since the epoch} */
    public long startEpochNanos() {
        return startEpochNanos;
    }

    /** {@return when the last call ended, nanoseconds since the epoch} */
    public long endEpochNanos() {
        return endEpochNanos;
    }

    /** {@return peak RSS in bytes, when measured} */
    public OptionalLong peakRssBytes() {
        return peakRssBytes < 0 ? OptionalLong.empty() : OptionalLong.of(peakRssBytes);
    }

    /** {@return RSS growth in bytes, when measured} */
    public OptionalLong rssGrowthBytes() {
        return rssGrowthBytes < 0 ? OptionalLong.empty() : OptionalLong.of(rssGrowthBytes);
    }

    /**
     * The figures as a snapshot: throughput is calls over the joined span, so a merged recording of
     * executors that ran side by side reports their combined rate.
     *
     * @return the snapshot
     */
    public StageSnapshot snapshot() {
        StageSnapshot.Builder b = StageSnapshot.builder(stage, latency).failures(failures)
                .elapsedNanos(endEpochNanos - startEpochNanos);
        if (allocatedBytes >= 0) {
            b.allocatedBytes(allocatedBytes);
        }
        if (peakRssBytes >= 0 && rssGrowthBytes >= 0) {
            b.rss(peakRssBytes, rssGrowthBytes);
        }
        return b.build();
    }

    /**
     * Checks the recording against its budget.
     *
     * @return the verdict
     * @throws IllegalStateException when the recording has no budget
     */
    public Verdict evaluate() {
        if (budget == null) {
            throw new IllegalStateException("recording of stage '" + stage + "' must carry a budget to be evaluated, but has none");
        }
        return budget.evaluate(snapshot());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Recording)) {
            return false;
        }
        Recording r = (Recording) o;
        return stage.equals(r.stage) && Objects.equals(budget, r.budget) && latency.equals(r.latency) && failures == r.failures
                && allocatedBytes == r.allocatedBytes && startEpochNanos == r.startEpochNanos
                && endEpochNanos == r.endEpochNanos && peakRssBytes == r.peakRssBytes && rssGrowthBytes == r.rssGrowthBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stage, budget, latency.getTotalCount(), failures, allocatedBytes, startEpochNanos, endEpochNanos);
    }

    @Override
    public String toString() {
        return "Recording[" + stage + ": calls=" + calls() + ", failures=" + failures + (budget == null ? "" : ", " + budget) + "]";
    }
}
