package dev.budget4j;

/**
 * Figures of a memoized stage ({@link Stages#memoize}).
 *
 * @param hits lookups answered from the memo
 * @param misses lookups that called the stage
 * @param evictions entries dropped to stay within the size bound
 * @param size entries held now
 * @param maxEntries the size bound
 */
public record CacheStats(long hits, long misses, long evictions, long size, long maxEntries) {

    /** {@return hits + misses} */
    public long lookups() {
        return hits + misses;
    }

    /** {@return hits / lookups in [0, 1], NaN before the first lookup} */
    public double hitRate() {
        long lookups = lookups();
        return lookups == 0 ? Double.NaN : (double) hits / lookups;
    }
}
