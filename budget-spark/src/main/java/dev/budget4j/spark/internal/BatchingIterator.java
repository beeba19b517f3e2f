package dev.budget4j.spark.internal;

import dev.budget4j.internal.util.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * An iterator that groups its input into lists of a batch size (the last may be shorter), calls a
 * function once per list when the first of its outputs is read, and hands out the outputs one by
 * one.
 *
 * @param <I> the input element type
 * @param <O> the output element type
 */
public final class BatchingIterator<I, O> implements Iterator<O> {
    private final Iterator<I> input;
    private final int batchSize;
    private final Function<? super List<I>, ? extends List<O>> function;
    private Iterator<O> current = Collections.emptyIterator();

    /**
     * @param input the elements
     * @param batchSize elements per call, {@code > 0}
     * @param function called once per batch; returns that batch's outputs
     */
    public BatchingIterator(Iterator<I> input, int batchSize, Function<? super List<I>, ? extends List<O>> function) {
        this.input = Require.notNull(input, "input");
        this.batchSize = Require.positive(batchSize, "batchSize");
        this.function = Require.notNull(function, "function");
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && input.hasNext()) {
            List<I> batch = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && input.hasNext()) {
                batch.add(input.next());
            }
            List<O> out = function.apply(batch);
            current = out == null ? Collections.emptyIterator() : out.iterator();
        }
        return current.hasNext();
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the partition has no more outputs");
        }
        return current.next();
    }
}
