package dev.budget4j.internal;

/**
 * Implemented by budget4j's own wrappers so that a budgeted stage can find what it wraps,
 * for example the memo behind {@code Budget(Timeout(Memoize(stage)))}.
 */
public interface Decorator {
    /** The wrapped function or stage. */
    Object delegate();

    /** Walks down the decorator chain and returns the first link of {@code type}, or null. */
    static <T> T find(Object start, Class<T> type) {
        Object current = start;
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current instanceof Decorator ? ((Decorator) current).delegate() : null;
        }
        return null;
    }
}
