package dev.budget4j.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * All calls of one stage, recorded into a fixed number of {@link CallStripe stripes}: memory grows
 * with the stripes (a power of two, at least twice the processors, at most 64), never with the
 * threads that ever called. A thread starts at the stripe its id hashes to and, when another
 * thread holds that one, records into the next free stripe instead of waiting. Nothing is kept per
 * thread, so the first call of a new (virtual) thread allocates nothing once its stripe exists;
 * a stripe is created by the first call that lands on it.
 *
 * <p>Readers swap each stripe's interval for an empty one and add what they took into three
 * accumulators: the whole run, the user's intervals and the enforcement windows. Reads are
 * serialized. The accumulators are created by the first read, so a stage nobody reads holds only
 * its stripes.
 */
public final class CallRecorder {
    /** Stripes per stage. */
    static final int STRIPES = stripeCount(Runtime.getRuntime().availableProcessors());
    private static final int MASK = STRIPES - 1;
    /** 2^64 divided by the golden ratio: consecutive thread ids land on stripes far apart. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final AtomicReferenceArray<CallStripe> stripes = new AtomicReferenceArray<>(STRIPES);
    private Accumulators read;

    /** {@return the smallest power of two that is at least {@code 2 * processors}, in [2, 64]} */
    static int stripeCount(int processors) {
        int wanted = Math.max(2, Math.min(64, 2 * processors));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    /**
     * The stripe a thread tries first.
     *
     * @param threadId the thread's id
     * @param stripes the number of stripes, a power of two in [2, 64]
     * @return an index in [0, stripes): the top bits of the id times 2^64 divided by the golden ratio
     */
    static int home(long threadId, int stripes) {
        return (int) ((threadId * GOLDEN) >>> (64 - Integer.numberOfTrailingZeros(stripes)));
    }

    /**
     * Records one call of the calling thread. Takes a bounded number of steps while fewer threads
     * hold stripes at once (writing or reading) than there are stripes; beyond that a writer
     * spins, then yields, until one comes free.
     *
     * @param start the ticker's reading before the call, nanoseconds
     * @param end the ticker's reading after the call, nanoseconds
     * @param failed whether the call threw
     * @param allocatedBytes bytes the call allocated, 0 when not tracked, -1 when the JVM could not count them
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; getId() is the same number
    public void record(long start, long end, boolean failed, long allocatedBytes) {
        int home = home(Thread.currentThread().getId(), STRIPES);
        for (int attempt = 0; ; attempt++) {
            if (stripe((home + attempt) & MASK).tryRecord(start, end, failed, allocatedBytes)) {
                return;
            }
            if (attempt >= MASK) {
                backOff(attempt - MASK);
            }
        }
    }

    private CallStripe stripe(int index) {
        CallStripe s = stripes.getAcquire(index);
        if (s != null) {
            return s;
        }
        CallStripe created = new CallStripe();
        CallStripe raced = stripes.compareAndExchange(index, null, created);
        return raced == null ? created : raced;
    }

    /** Waits a little for a claimed stripe: spins first, then lets other threads run. */
    static void backOff(int spins) {
        if (spins < 256) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Everything since the start, copied into {@code out}. */
    public synchronized void total(CallInterval out) {
        Accumulators a = drain();
        out.reset();
        out.add(a.total);
    }

    /** Everything since the previous call of this method, copied into {@code out}. */
    public synchronized void interval(CallInterval out) {
        Accumulators a = drain();
        out.reset();
        out.add(a.interval);
        a.interval.reset();
    }

    /** Everything since the previous enforcement window closed, copied into {@code out}. */
    public synchronized void window(CallInterval out) {
        Accumulators a = drain();
        out.reset();
        out.add(a.window);
        a.window.reset();
    }

    private Accumulators drain() {
        if (read == null) {
            read = new Accumulators();
        }
        Accumulators a = read;
        a.drained.reset();
        for (int i = 0; i < STRIPES; i++) {
            CallStripe s = stripes.getAcquire(i);
            if (s != null) {
                CallInterval full = s.swap(a.spare);
                a.drained.add(full);
                full.reset();
                a.spare = full;
            }
        }
        a.total.add(a.drained);
        a.interval.add(a.drained);
        a.window.add(a.drained);
        return a;
    }

    /** {@return how many stripes exist so far, at most {@link #STRIPES}} */
    int stripesCreated() {
        int n = 0;
        for (int i = 0; i < STRIPES; i++) {
            n += stripes.get(i) == null ? 0 : 1;
        }
        return n;
    }

    /**
     * An estimate of the bytes this recorder holds: its histograms' counts arrays, which dwarf
     * everything else. Racy against writers; for tests and diagnostics.
     *
     * @return bytes, {@code >= 0}
     */
    synchronized long footprintBytes() {
        long bytes = 0;
        for (int i = 0; i < STRIPES; i++) {
            CallStripe s = stripes.get(i);
            bytes += s == null ? 0 : s.footprintBytes();
        }
        if (read != null) {
            bytes += read.footprintBytes();
        }
        return bytes;
    }

    /** The readers' side: a spare interval to swap in, and the accumulators. */
    private static final class Accumulators {
        CallInterval spare = new CallInterval();
        final CallInterval drained = new CallInterval();
        final CallInterval total = new CallInterval();
        final CallInterval interval = new CallInterval();
        final CallInterval window = new CallInterval();

        long footprintBytes() {
            return spare.footprintBytes() + drained.footprintBytes() + total.footprintBytes()
                    + interval.footprintBytes() + window.footprintBytes();
        }
    }
}
