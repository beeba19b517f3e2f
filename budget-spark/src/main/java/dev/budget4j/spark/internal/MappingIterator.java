package dev.budget4j.spark.internal;

import dev.budget4j.internal.util.Require;
import java.util.Iterator;
import java.util.function.Function;

/**
 * An iterator that applies a function to each element as it is read.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class MappingIterator<I, O> implements Iterator<O> {
    private final Iterator<I> input;
    private final Function<? super I, ? extends O> function;

    /**
     * @param input the elements
     * @param function applied to each, when read
     */
    public MappingIterator(Iterator<I> input, Function<? super I, ? extends O> function) {
        this.input = Require.notNull(input, "input");
        this.function = Require.notNull(function, "function");
    }

    @Override
    public boolean hasNext() {
        return input.hasNext();
    }

    @Override
    public O next() {
        return function.apply(input.next());
    }
}
