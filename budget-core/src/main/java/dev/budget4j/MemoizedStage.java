package dev.budget4j;

/**
 * A stage that remembers results by key, from {@link Stages#memoize}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface MemoizedStage<I, O> extends Stage<I, O> {

    /** {@return hits, misses, evictions and size so far} */
    CacheStats cacheStats();
}
