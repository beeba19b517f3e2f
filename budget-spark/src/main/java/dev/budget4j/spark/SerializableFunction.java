package dev.budget4j.spark;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that Spark can ship to executors: a lambda written where a
 * {@code SerializableFunction} is expected is serializable, provided what it captures is.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface SerializableFunction<I, O> extends Function<I, O>, Serializable {
}
