/**
 * Budgets for the stages of Spark jobs. {@link dev.budget4j.spark.SparkBudgets} is the driver's
 * handle of a run; its {@link dev.budget4j.spark.SparkStage}s go into {@code map} or, as
 * {@link dev.budget4j.spark.PartitionStage}s, into {@code mapPartitions}; executors record each
 * task's calls and ship them once per task through an accumulator; the driver reads a
 * {@link dev.budget4j.spark.SparkReport}: merged verdicts, report lines and a baseline for the gate.
 *
 * <p>Latencies are nanoseconds, sizes bytes, throughput calls per second, as in budget-core.
 */
package dev.budget4j.spark;
