package dev.budget4j.internal;

import dev.budget4j.Stage;
import dev.budget4j.StageTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A stage whose calls run on an executor and are cancelled at a deadline. */
public final class TimeoutStage<I, O> implements Stage<I, O>, Decorator {
    private final Stage<I, O> delegate;
    private final Duration timeout;
    private final long timeoutNanos;
    private final ExecutorService executor;

    public TimeoutStage(Stage<I, O> delegate, Duration timeout, ExecutorService executor) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.executor = executor;
    }

    @Override
    public O apply(I input) {
        Future<O> future = executor.submit(() -> delegate.apply(input));
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StageTimeoutException(delegate.name(), timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            StageTimeoutException t = new StageTimeoutException(delegate.name(), timeout);
            t.initCause(e);
            throw t;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("stage '" + delegate.name() + "' threw a checked exception", cause);
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Stage<?, ?>> stages() {
        return List.of(this);
    }

    @Override
    public Object delegate() {
        return delegate;
    }
}
