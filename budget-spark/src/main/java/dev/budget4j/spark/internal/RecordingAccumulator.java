package dev.budget4j.spark.internal;

import dev.budget4j.Recording;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.util.AccumulatorV2;

/**
 * A run's recordings by stage name, as a Spark accumulator. On an executor each task has its own
 * copy (Spark deserializes it with the task and registers it with the task); the stages add one
 * recording per stage when the task ends; the executor sends the copy with the task's result; the
 * driver merges it into the registered accumulator. Spark merges the copies of successful task
 * attempts only ({@code countFailedValues} is false), so a failed or killed attempt adds nothing.
 *
 * <p>On the wire each stage is its encoded {@link Recording} (HdrHistogram's compressed histogram
 * inside) and the task's ten round values, not Java-serialized objects; the executor encodes, and
 * the driver decodes on Spark's result threads, so the scheduler's thread only adds histograms. A
 * budget conflict (two budgets under one stage name) is kept in the tally and thrown by the
 * driver's report: an exception thrown here, while the scheduler merges, would only be logged.
 *
 * <p>Registered without a name: Spark reads a named accumulator's {@link #value()} after every
 * task on its scheduler thread (for the UI), which would build every stage's recording per task.
 */
public final class RecordingAccumulator extends AccumulatorV2<Recording, Map<String, Recording>> implements RecordingSink {
    private static final long serialVersionUID = 1L;

    /** The executor named in rounds recorded outside any task (driver code calling a stage directly). */
    public static final String OUTSIDE_TASKS = "outside tasks";

    private transient Map<String, StageTally> tallies = new LinkedHashMap<>();
    private transient List<PooledStage> adopted = new ArrayList<>();

    @Override
    public synchronized boolean isZero() {
        return tallies.isEmpty();
    }

    @Override
    public synchronized RecordingAccumulator copy() {
        RecordingAccumulator c = new RecordingAccumulator();
        tallies.forEach((stage, t) -> c.tallies.put(stage, t.copy()));
        return c;
    }

    @Override
    public RecordingAccumulator copyAndReset() {
        return new RecordingAccumulator();
    }

    @Override
    public synchronized void reset() {
        tallies.clear();
    }

    /**
     * Adds one task's recording of one stage, with the id of the executor running the task.
     *
     * @param taskRecording the task's calls of the stage
     */
    @Override
    public void add(Recording taskRecording) {
        add(executorId(), taskRecording);
    }

    private synchronized void add(String executor, Recording taskRecording) {
        StageTally t = StageTally.ofTask(executor, taskRecording);
        StageTally mine = tallies.get(t.stage());
        if (mine == null) {
            tallies.put(t.stage(), t);
        } else {
            mine.merge(t);
        }
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "driver" : env.executorId();
    }

    @Override
    public synchronized void adopt(PooledStage recorder) {
        adopted.add(recorder);
    }

    /** Moves the calls made outside tasks (on the driver) into the tallies, one round per recorder. */
    public void collectOutsideTasks() {
        List<PooledStage> recorders;
        synchronized (this) {
            recorders = new ArrayList<>(adopted);
        }
        for (PooledStage recorder : recorders) {
            Recording r = recorder.takeInterval();
            if (r.calls() > 0) {
                add(OUTSIDE_TASKS, r);
            }
        }
    }

    @Override
    public void merge(AccumulatorV2<Recording, Map<String, Recording>> other) {
        if (!(other instanceof RecordingAccumulator)) {
            throw new UnsupportedOperationException("other must be a " + RecordingAccumulator.class.getSimpleName()
                    + " to merge, but was a " + (other == null ? "null" : other.getClass().getName()));
        }
        RecordingAccumulator o = (RecordingAccumulator) other;
        List<StageTally> theirs;
        synchronized (o) {
            theirs = new ArrayList<>(o.tallies.values());
        }
        synchronized (this) {
            for (StageTally t : theirs) {
                StageTally mine = tallies.get(t.stage());
                if (mine == null) {
                    tallies.put(t.stage(), t.copy());
                } else {
                    mine.merge(t);
                }
            }
        }
    }

    /** {@return the merged recording of every stage, in the order stages were first seen} */
    @Override
    public synchronized Map<String, Recording> value() {
        Map<String, Recording> out = new LinkedHashMap<>();
        tallies.forEach((stage, t) -> out.put(stage, t.merged()));
        return Collections.unmodifiableMap(out);
    }

    /** {@return deep copies of the tallies, in the order stages were first seen} */
    public synchronized Map<String, StageTally> tallies() {
        Map<String, StageTally> out = new LinkedHashMap<>();
        tallies.forEach((stage, t) -> out.put(stage, t.copy()));
        return out;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        Map<String, StageTally> snapshot = tallies();
        out.writeInt(snapshot.size());
        for (StageTally t : snapshot.values()) {
            t.write(out);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        tallies = new LinkedHashMap<>();
        adopted = new ArrayList<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            StageTally t = StageTally.read(in);
            tallies.put(t.stage(), t);
        }
    }
}
