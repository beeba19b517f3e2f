package dev.budget4j;

import dev.budget4j.internal.MemoStage;
import dev.budget4j.internal.TimeoutStage;
import dev.budget4j.internal.util.Require;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Decorators that often sit under a budget. Stack them as
 * {@code Budgets.budgetedStage(Stages.withTimeout(Stages.memoize(stage, key, n), d, pool), budget)},
 * that is Budget(Timeout(Memoize(stage))): the budget measures what the caller waits for, and a
 * memo hit never needs the pool.
 */
public final class Stages {
    private Stages() {
    }

    /**
     * Runs each call on {@code executor} and gives up after {@code timeout}: the call's future is
     * cancelled (its thread interrupted) and {@link StageTimeoutException} is thrown. Exceptions of
     * the stage reach the caller unchanged. An interrupt of the waiting caller cancels the call
     * too, keeps the interrupt flag set and throws {@link StageTimeoutException}.
     *
     * @param stage the stage, not null
     * @param timeout the deadline per call, &gt; 0
     * @param executor runs the calls, not null; the caller owns it
     * @param <I> the input type
     * @param <O> the output type
     * @return the stage with a deadline, same name
     */
    public static <I, O> Stage<I, O> withTimeout(Stage<I, O> stage, Duration timeout, ExecutorService executor) {
        Require.notNull(stage, "stage");
        Require.notNull(timeout, "timeout");
        Require.that(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be > 0 ns", timeout);
        Require.notNull(executor, "executor");
        return new TimeoutStage<>(stage, timeout, executor);
    }

    /**
     * Remembers up to {@code maxEntries} results by key, dropping the least recently used first.
     * Results (null included) are cached; exceptions are not. Two concurrent misses on the same
     * key may both call the stage; the stage is pure, so either result is right.
     *
     * @param stage the stage, not null
     * @param key derives the memo key from an input, not null; keys need {@code equals}/{@code hashCode}
     * @param maxEntries the bound, &gt; 0
     * @param <I> the input type
     * @param <O> the output type
     * @return the memoized stage, same name; its {@link MemoizedStage#cacheStats()} feed the
     *     {@code cacheHitRate} budget dimension
     */
    public static <I, O> MemoizedStage<I, O> memoize(Stage<I, O> stage, Function<? super I, ?> key, int maxEntries) {
        Require.notNull(stage, "stage");
        Require.notNull(key, "key");
        Require.positive(maxEntries, "maxEntries");
        return new MemoStage<>(stage, key, maxEntries);
    }
}
