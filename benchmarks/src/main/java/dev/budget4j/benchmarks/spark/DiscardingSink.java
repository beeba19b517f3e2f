package dev.budget4j.benchmarks.spark;

import dev.budget4j.Recording;
import dev.budget4j.spark.internal.PooledStage;
import dev.budget4j.spark.internal.RecordingSink;

/** A sink for benchmarks: tasks never end there, so nothing arrives. */
final class DiscardingSink implements RecordingSink {
    private static final long serialVersionUID = 1L;

    @Override
    public void add(Recording taskRecording) {
    }

    @Override
    public void adopt(PooledStage recorder) {
    }
}
