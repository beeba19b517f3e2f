package dev.budget4j.spark.internal;

import dev.budget4j.Recording;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is given, for tests without Spark. */
final class CollectingSink implements RecordingSink {
    private static final long serialVersionUID = 1L;

    final List<Recording> added = new ArrayList<>();
    final List<PooledStage> adopted = new ArrayList<>();

    @Override
    public synchronized void add(Recording taskRecording) {
        added.add(taskRecording);
    }

    @Override
    public synchronized void adopt(PooledStage recorder) {
        adopted.add(recorder);
    }

    synchronized long calls() {
        return added.stream().mapToLong(Recording::calls).sum();
    }
}
