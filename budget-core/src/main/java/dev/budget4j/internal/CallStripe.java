package dev.budget4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One stripe of a stage's {@link CallRecorder}: a {@link CallInterval} that one thread at a time
 * may claim. A writer claims it with one compare-and-set and gives it back with a release store;
 * a writer that finds it claimed does not wait but tries another stripe. A reader claims it the
 * same way, waiting if it must, only to swap the interval for an empty one.
 *
 * <p>The claim plays the part of HdrHistogram's {@code WriterReaderPhaser}, at one atomic
 * instruction per call instead of two, and lets the interval be a plain, single-writer histogram.
 * Padding keeps two stripes' claim words off one cache line.
 */
final class CallStripe extends CallStripeFields {
    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(CallStripeFields.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;

    CallStripe() {
        active = new CallInterval();
    }

    /**
     * Records one call if the stripe is free.
     *
     * @return false, having recorded nothing, when another thread holds the stripe
     */
    boolean tryRecord(long start, long end, boolean failed, long allocatedBytes) {
        if (claimed != 0 || !CLAIMED.compareAndSet(this, 0, 1)) {
            return false;
        }
        try {
            active.record(start, end, failed, allocatedBytes);
        } finally {
            CLAIMED.setRelease(this, 0);
        }
        return true;
    }

    /**
     * Takes the interval recorded so far and puts {@code empty} in its place. Waits while a writer
     * holds the stripe, which it does only for the length of one {@link CallInterval#record}.
     *
     * @param empty a reset interval, which writers record into from now on
     * @return the interval writers recorded into until now; no writer touches it any more
     */
    CallInterval swap(CallInterval empty) {
        for (int spins = 0; !CLAIMED.compareAndSet(this, 0, 1); spins++) {
            CallRecorder.backOff(spins);
        }
        try {
            CallInterval full = active;
            active = empty;
            return full;
        } finally {
            CLAIMED.setRelease(this, 0);
        }
    }

    /** {@return bytes of the interval's histogram, read without claiming: an estimate for tests} */
    long footprintBytes() {
        return active.footprintBytes();
    }
}

/** Cache-line padding in front of the stripe's fields. */
abstract class CallStripePadding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The fields a claim guards; the padding on either side keeps other stripes' writes away. */
abstract class CallStripeFields extends CallStripePadding {
    /** 1 while a thread holds the stripe, else 0. */
    volatile int claimed;
    /** The interval being recorded into; read and written only by the thread holding the claim. */
    CallInterval active;
}
