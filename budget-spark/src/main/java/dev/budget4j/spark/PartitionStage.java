package dev.budget4j.spark;

import dev.budget4j.spark.internal.BatchingIterator;
import dev.budget4j.spark.internal.MappingIterator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;

/**
 * A {@link SparkStage} as a partition function, for {@code Dataset.mapPartitions} (a
 * {@link MapPartitionsFunction}) and {@code JavaRDD.mapPartitions} (a {@link FlatMapFunction}).
 * The returned iterator is lazy: each element goes through the stage when Spark reads it, so a
 * partition is never held in memory. Made by {@link SparkStage#partitions()} and
 * {@link SparkStage#batches}.
 *
 * @param <I> the input element type
 * @param <O> the output element type
 */
public final class PartitionStage<I, O> implements MapPartitionsFunction<I, O>, FlatMapFunction<Iterator<I>, O> {
    private static final long serialVersionUID = 1L;

    /** Maps a partition's iterator: element by element, or batch by batch. */
    private final SerializableFunction<Iterator<I>, Iterator<O>> partition;

    private PartitionStage(SerializableFunction<Iterator<I>, Iterator<O>> partition) {
        this.partition = partition;
    }

    static <T, R> PartitionStage<T, R> elements(SparkStage<T, R> stage) {
        return new PartitionStage<>(in -> new MappingIterator<>(in, stage));
    }

    static <T, R> PartitionStage<T, R> batched(SparkStage<List<T>, List<R>> stage, int batchSize) {
        return new PartitionStage<>(in -> new BatchingIterator<>(in, batchSize, stage));
    }

    /**
     * @param input the partition's elements
     * @return the outputs, computed as they are read
     */
    @Override
    public Iterator<O> call(Iterator<I> input) {
        return partition.apply(input);
    }
}
