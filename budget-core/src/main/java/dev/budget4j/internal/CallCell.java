package dev.budget4j.internal;

import java.lang.ref.WeakReference;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One thread's recording of a stage's calls: a single writer (the owning thread) and readers
 * that swap the active interval out, as HdrHistogram's {@code SingleWriterRecorder} does, but
 * with failures, allocation and time span recorded in the same critical section so a reader never
 * sees a failure without its latency.
 */
public final class CallCell {
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final WeakReference<Thread> owner;
    private volatile CallInterval active = new CallInterval();
    private CallInterval inactive = new CallInterval();

    CallCell(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** Called by the owning thread only. */
    public void record(long start, long end, boolean failed, long allocatedBytes) {
        long latency = end - start;
        long epoch = phaser.writerCriticalSectionEnter();
        try {
            CallInterval a = active;
            a.latency.recordValue(latency < 0 ? 0 : latency);
            if (failed) {
                a.failures++;
            }
            a.allocatedBytes += allocatedBytes;
            if (start < a.firstStart) {
                a.firstStart = start;
            }
            if (end > a.lastEnd) {
                a.lastEnd = end;
            }
        } finally {
            phaser.writerCriticalSectionExit(epoch);
        }
    }

    /** Adds everything recorded since the last drain into {@code target}. Callers serialize drains. */
    void drainInto(CallInterval target) {
        phaser.readerLock();
        try {
            inactive.reset();
            CallInterval done = active;
            active = inactive;
            inactive = done;
            phaser.flipPhase();
            target.add(done);
        } finally {
            phaser.readerUnlock();
        }
    }

    boolean ownerGone() {
        Thread t = owner.get();
        return t == null || !t.isAlive();
    }
}
