package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread's first call of a budgeted stage allocates nothing once the stage is warm: nothing is
 * kept per thread, so a server with a virtual thread per request does not pay per request.
 *
 * <p>The stage runs on a ticker that stands still. With real time, a call that happens to be the
 * slowest yet makes its stripe's histogram grow its range (tens of KiB, a few times in a stripe's
 * life); that is the cost of a new largest latency, not of a new thread, and would make this test
 * fail at random.
 */
class FreshThreadAllocationTest {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int THREADS = 1_000;
    private static final long[] INPUT = {1};
    private static final Stage<long[], long[]> BARE = Stage.of("bare", (long[] x) -> x);

    private final BudgetedStage<long[], long[]> budgeted = Budgets.budgeted(BARE).budget(Budget.parse("p99<=1s"))
            .ticker(new ManualTicker()).build();

    @Test
    void firstCallOnAFreshPlatformThreadAllocatesNothing() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            runOnFreshThreads(Thread.ofPlatform(), THREADS / 10, () -> budgeted.apply(INPUT));
        }
        long[] allocated = new long[THREADS / 10];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < allocated.length; t++) {
            int slot = t;
            threads.add(Thread.ofPlatform().start(() -> {
                long before = BEAN.getCurrentThreadAllocatedBytes();
                budgeted.apply(INPUT);
                allocated[slot] = BEAN.getCurrentThreadAllocatedBytes() - before;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int t = 0; t < allocated.length; t++) {
            assertEquals(0, allocated[t], "bytes allocated by the first call on fresh thread #" + t);
        }
    }

    /**
     * A virtual thread's own allocation counter is not available, so this compares the whole JVM's
     * allocation for a thousand fresh virtual threads calling the bare stage against a thousand
     * calling the budgeted one; the least of several rounds of each keeps other threads' noise out.
     */
    @Test
    void firstCallOnAFreshVirtualThreadAllocatesNothing() throws InterruptedException {
        Runnable bare = () -> BARE.apply(INPUT);
        Runnable wrapped = () -> budgeted.apply(INPUT);
        for (int i = 0; i < 20; i++) {
            runOnFreshThreads(Thread.ofVirtual(), THREADS, bare);
            runOnFreshThreads(Thread.ofVirtual(), THREADS, wrapped);
        }
        long bareBytes = Long.MAX_VALUE;
        long wrappedBytes = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            bareBytes = Math.min(bareBytes, runOnFreshThreads(Thread.ofVirtual(), THREADS, bare));
            wrappedBytes = Math.min(wrappedBytes, runOnFreshThreads(Thread.ofVirtual(), THREADS, wrapped));
        }
        double perThread = (double) (wrappedBytes - bareBytes) / THREADS;
        assertTrue(perThread < 64, "a fresh virtual thread's first budgeted call cost " + perThread
                + " B more than a bare call (" + wrappedBytes + " B against " + bareBytes + " B for " + THREADS
                + " threads)");
        assertEquals(20L * THREADS + 7L * THREADS, budgeted.snapshot().calls());
    }

    /** @return bytes the whole JVM allocated while the threads ran */
    private static long runOnFreshThreads(Thread.Builder builder, int threads, Runnable task) throws InterruptedException {
        Thread[] started = new Thread[threads];
        long before = BEAN.getTotalThreadAllocatedBytes();
        for (int t = 0; t < threads; t++) {
            started[t] = builder.start(task);
        }
        for (Thread thread : started) {
            thread.join();
        }
        return BEAN.getTotalThreadAllocatedBytes() - before;
    }
}
