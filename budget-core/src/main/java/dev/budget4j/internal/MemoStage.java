package dev.budget4j.internal;

import dev.budget4j.CacheStats;
import dev.budget4j.MemoizedStage;
import dev.budget4j.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A bounded least-recently-used memo in front of a stage. */
public final class MemoStage<I, O> implements MemoizedStage<I, O>, Decorator {
    private static final Object NULL = new Object();

    private final Stage<I, O> delegate;
    private final Function<? super I, ?> key;
    private final int maxEntries;
    private final Map<Object, Object> entries;
    private long hits;
    private long misses;
    private long evictions;

    public MemoStage(Stage<I, O> delegate, Function<? super I, ?> key, int maxEntries) {
        this.delegate = delegate;
        this.key = key;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public O apply(I input) {
        Object k = key.apply(input);
        synchronized (this) {
            Object cached = entries.get(k);
            if (cached != null) {
                hits++;
                return cached == NULL ? null : (O) cached;
            }
            misses++;
        }
        O value = delegate.apply(input);
        synchronized (this) {
            entries.put(k, value == null ? NULL : value);
            while (entries.size() > maxEntries) {
                var eldest = entries.keySet().iterator();
                eldest.next();
                eldest.remove();
                evictions++;
            }
        }
        return value;
    }

    @Override
    public synchronized CacheStats cacheStats() {
        return new CacheStats(hits, misses, evictions, entries.size(), maxEntries);
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
