package dev.budget4j.spark.internal;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.internal.util.Require;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * Everything a run knows about one stage: every task's calls merged (exact: histograms add,
 * counts sum, spans join, as {@link Recording#merge} does), the summed span of the tasks, and
 * each task's round values grouped by the executor that ran it. The first budget conflict met
 * while merging is kept, not thrown: Spark's scheduler logs and drops an exception thrown while
 * it merges task results, so the driver's report throws it instead, naming the stage and both
 * budgets.
 *
 * <p>The merged histogram is kept mutable and added to in place, because the driver merges on
 * Spark's scheduler thread, once per task: no copy of the merged histogram per task, as merging
 * immutable recordings would make. The {@link Recording} is built when asked for.
 *
 * <p>Not thread-safe; the accumulator that owns it synchronizes.
 */
public final class StageTally {
    private final String stage;
    private final Budget budget;
    private final Histogram latency;
    private long failures;
    private long allocatedBytes;
    private long startEpochNanos;
    private long endEpochNanos;
    private long peakRssBytes;
    private long rssGrowthBytes;
    private long summedSpanNanos;
    private final Map<String, List<double[]>> rounds = new LinkedHashMap<>();
    private String conflict;

    private StageTally(Recording r, Histogram latency) {
        this.stage = r.stage();
        this.budget = r.budget().orElse(null);
        this.latency = latency;
        this.failures = r.failures();
        this.allocatedBytes = r.allocatedBytes().orElse(-1);
        this.startEpochNanos = r.startEpochNanos();
        this.endEpochNanos = r.endEpochNanos();
        this.peakRssBytes = r.peakRssBytes().orElse(-1);
        this.rssGrowthBytes = r.rssGrowthBytes().orElse(-1);
    }

    private static StageTally of(Recording r) {
        Histogram h = r.histogram();
        h.setAutoResize(true);
        return new StageTally(r, h);
    }

    /**
     * One task's tally.
     *
     * @param executor the executor that ran the task
     * @param taskRecording the task's recording of the stage
     * @return the tally
     */
    public static StageTally ofTask(String executor, Recording taskRecording) {
        StageTally t = of(Require.notNull(taskRecording, "taskRecording"));
        t.summedSpanNanos = taskRecording.endEpochNanos() - taskRecording.startEpochNanos();
        t.rounds.computeIfAbsent(Require.notNull(executor, "executor"), k -> new ArrayList<>()).add(RoundValues.of(taskRecording));
        return t;
    }

    /**
     * Adds another tally of the same stage: histograms added, failures and allocation summed
     * (unknown when either is), spans joined and summed, the higher RSS kept, rounds appended.
     * A tally under another budget is not merged: the conflict is kept for the report.
     *
     * @param other a tally of the same stage; unchanged
     */
    public void merge(StageTally other) {
        if (!Objects.equals(budget, other.budget)) {
            if (conflict == null) {
                conflict = "recordings of stage '" + stage + "' must share one budget to merge, but had '" + budget + "' and '"
                        + other.budget + "'";
            }
        } else {
            latency.add(other.latency);
            failures += other.failures;
            allocatedBytes = allocatedBytes < 0 || other.allocatedBytes < 0 ? -1 : allocatedBytes + other.allocatedBytes;
            startEpochNanos = Math.min(startEpochNanos, other.startEpochNanos);
            endEpochNanos = Math.max(endEpochNanos, other.endEpochNanos);
            peakRssBytes = Math.max(peakRssBytes, other.peakRssBytes);
            rssGrowthBytes = Math.max(rssGrowthBytes, other.rssGrowthBytes);
            summedSpanNanos += other.summedSpanNanos;
        }
        if (conflict == null && other.conflict != null) {
            conflict = other.conflict;
        }
        other.rounds.forEach((executor, list) -> {
            List<double[]> mine = rounds.computeIfAbsent(executor, k -> new ArrayList<>());
            list.forEach(v -> mine.add(v.clone()));
        });
    }

    private StageTally(StageTally source) {
        this.stage = source.stage;
        this.budget = source.budget;
        this.latency = source.latency.copy();
        this.latency.setAutoResize(true);
        this.failures = source.failures;
        this.allocatedBytes = source.allocatedBytes;
        this.startEpochNanos = source.startEpochNanos;
        this.endEpochNanos = source.endEpochNanos;
        this.peakRssBytes = source.peakRssBytes;
        this.rssGrowthBytes = source.rssGrowthBytes;
        this.summedSpanNanos = source.summedSpanNanos;
        this.conflict = source.conflict;
    }

    /** {@return a deep copy} */
    public StageTally copy() {
        StageTally t = new StageTally(this);
        rounds.forEach((executor, list) -> {
            List<double[]> mine = new ArrayList<>(list.size());
            list.forEach(v -> mine.add(v.clone()));
            t.rounds.put(executor, mine);
        });
        return t;
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return every task's calls merged, as a recording (built on each call)} */
    public Recording merged() {
        return Recording.of(stage, budget, latency, failures, measured(allocatedBytes), startEpochNanos, endEpochNanos,
                measured(peakRssBytes), measured(rssGrowthBytes));
    }

    /** {@return calls merged so far} */
    public long calls() {
        return latency.getTotalCount();
    }

    /** {@return the tasks' spans summed, nanoseconds (the wall time a baseline divides calls by)} */
    public long summedSpanNanos() {
        return summedSpanNanos;
    }

    /** {@return round values per executor, executors in the order first seen; unmodifiable view} */
    public Map<String, List<double[]>> rounds() {
        return Collections.unmodifiableMap(rounds);
    }

    /** {@return the number of rounds (tasks) over all executors} */
    public int roundCount() {
        return rounds.values().stream().mapToInt(List::size).sum();
    }

    /** {@return the first budget conflict met while merging, or null} */
    public String conflict() {
        return conflict;
    }

    /**
     * Writes the tally: the encoded recording (HdrHistogram's compressed form inside), the span,
     * the conflict, then per executor its id and its rounds' values.
     *
     * @param out the stream
     * @throws IOException when the stream fails
     */
    public void write(DataOutput out) throws IOException {
        byte[] encoded = merged().encode();
        out.writeInt(encoded.length);
        out.write(encoded);
        out.writeLong(summedSpanNanos);
        out.writeBoolean(conflict != null);
        if (conflict != null) {
            out.writeUTF(conflict.length() > 10_000 ? conflict.substring(0, 10_000) : conflict);
        }
        out.writeInt(rounds.size());
        for (Map.Entry<String, List<double[]>> e : rounds.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (double[] v : e.getValue()) {
                out.writeByte(v.length);
                for (double d : v) {
                    out.writeDouble(d);
                }
            }
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param in the stream
     * @return the tally
     * @throws IOException when the stream fails or ends early
     * @throws dev.budget4j.RecordingFormatException when the recording inside is corrupt
     */
    public static StageTally read(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("tally's recording length must be in [0, 64 MiB], but was " + length);
        }
        byte[] encoded = new byte[length];
        in.readFully(encoded);
        StageTally t = of(Recording.decode(encoded));
        t.summedSpanNanos = in.readLong();
        if (in.readBoolean()) {
            t.conflict = in.readUTF();
        }
        int executors = in.readInt();
        for (int i = 0; i < executors; i++) {
            String executor = in.readUTF();
            int n = in.readInt();
            List<double[]> list = new ArrayList<>(Math.min(n, 1 << 16));
            for (int j = 0; j < n; j++) {
                double[] v = new double[in.readUnsignedByte()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readDouble();
                }
                list.add(v);
            }
            t.rounds.put(executor, list);
        }
        return t;
    }

    /** This class keeps -1 for "not measured", as the recordings it merges report it. */
    private static OptionalLong measured(long value) {
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
