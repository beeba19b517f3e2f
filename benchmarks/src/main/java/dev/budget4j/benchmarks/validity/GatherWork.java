package dev.budget4j.benchmarks.validity;

/**
 * Memory-bound: sums the values at pseudo-random indices of a 128 MiB {@code int} array, far
 * larger than any cache, so nearly every read misses the caches (and usually the TLB). The array
 * is built once per JVM, on first use. Each call starts its index sequence from its input mixed
 * with a call counter, so calls never revisit the lines an earlier call with the same input
 * brought into the cache.
 */
final class GatherWork {
    /** 2^25 ints = 128 MiB. */
    static final int LOG2_SIZE = 25;

    private static long calls;

    private GatherWork() {
    }

    /** The array, built when first touched. */
    private static final class Holder {
        static final int[] DATA = build();

        private static int[] build() {
            int[] a = new int[1 << LOG2_SIZE];
            for (int i = 0; i < a.length; i++) {
                a[i] = i * 0x9E3779B9;
            }
            return a;
        }
    }

    /** Builds the array now (outside any timed section) and returns its length. */
    static int touch() {
        return Holder.DATA.length;
    }

    /**
     * Sums {@code count} values at indices from a xorshift sequence started at {@code seed} mixed
     * with the number of earlier calls.
     *
     * @param seed the input
     * @param count how many values to read
     * @return TRUE or FALSE from the sum, so every read counts and nothing is allocated
     */
    static Boolean gather(long seed, int count) {
        int[] data = Holder.DATA;
        int mask = data.length - 1;
        long x = (seed ^ (++calls * 0x9E3779B97F4A7C15L)) | 1L;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sum += data[(int) x & mask];
        }
        return sum == 42 ? Boolean.TRUE : Boolean.FALSE;
    }
}
