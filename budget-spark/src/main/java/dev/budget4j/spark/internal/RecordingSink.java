package dev.budget4j.spark.internal;

import dev.budget4j.Recording;
import java.io.Serializable;

/**
 * Where the executor side puts what it recorded: in Spark, the run's accumulator (on an executor,
 * the task's own copy of it).
 */
public interface RecordingSink extends Serializable {

    /**
     * Takes one task's calls of one stage; called once per stage per task, when the task ends.
     *
     * @param taskRecording the task's interval
     */
    void add(Recording taskRecording);

    /**
     * Takes a recorder that calls outside any task record into (on the driver: code that calls a
     * stage directly); its calls are collected when the driver reads the report.
     *
     * @param recorder the recorder, checked out for good
     */
    void adopt(PooledStage recorder);
}
