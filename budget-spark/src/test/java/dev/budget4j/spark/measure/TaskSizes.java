package dev.budget4j.spark.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Per job description, the size of each task's serialized result (Spark's {@code resultSize},
 * accumulator updates included): with and without a budgeted stage, the difference is what the
 * stage's recording adds to a task's result on the wire.
 */
final class TaskSizes extends SparkListener {
    private final Map<Integer, String> stageToJob = new ConcurrentHashMap<>();
    final Map<String, List<Long>> resultBytes = new ConcurrentHashMap<>();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String description = submitted.properties() == null ? null : submitted.properties().getProperty("spark.job.description");
        stageToJob.put(submitted.stageInfo().stageId(), description == null ? "?" : description);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String job = stageToJob.getOrDefault(end.stageId(), "?");
        if (end.taskMetrics() != null) {
            resultBytes.computeIfAbsent(job, k -> new ArrayList<>()).add(end.taskMetrics().resultSize());
        }
    }
}
