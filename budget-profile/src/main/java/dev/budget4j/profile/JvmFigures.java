package dev.budget4j.profile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/**
 * Cumulative JVM counters at one instant; {@link #since(JvmFigures)} turns two of them into the
 * figures of a run.
 *
 * <ul>
 *   <li>{@code heapUsedBytes}: heap in use right now ({@code MemoryMXBean}), live objects plus
 *       garbage not yet collected, so it moves with GC timing. Cheap (well under a microsecond).</li>
 *   <li>{@code gcCount}, {@code gcTimeMillis}: collections and their accumulated elapsed time in
 *       ms, summed over all collectors ({@code GarbageCollectorMXBean}). Cheap. Concurrent
 *       collectors count cycles and report their own time, which is not all pause time.</li>
 *   <li>{@code allocatedBytes}: bytes ever allocated by all live threads
 *       ({@code com.sun.management.ThreadMXBean}: the JDK 21+ total where present, else the sum over
 *       all live thread ids; HotSpot);
 *       {@code -1} where unsupported. It walks every thread, so it costs microseconds: read it per
 *       run or per round, not per call. Threads that ended in between drop out of the sum.</li>
 * </ul>
 *
 * @param heapUsedBytes heap in use, in bytes, {@code >= 0}
 * @param gcCount collections so far, {@code >= 0}
 * @param gcTimeMillis accumulated collection time so far, in milliseconds, {@code >= 0}
 * @param allocatedBytes bytes allocated by all live threads so far, or {@code -1} when unsupported
 */
public record JvmFigures(long heapUsedBytes, long gcCount, long gcTimeMillis, long allocatedBytes) {

    /**
     * Reads every counter now.
     *
     * @return the figures
     */
    public static JvmFigures read() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heap = Math.max(0, memory.getHeapMemoryUsage().getUsed());
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        return new JvmFigures(heap, count, time, totalAllocated());
    }

    /** {@return whether {@link #allocatedBytes()} is measured on this JVM} */
    public static boolean allocationSupported() {
        return totalAllocated() >= 0;
    }

    private static long totalAllocated() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (bean instanceof com.sun.management.ThreadMXBean) {
                com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
                if (sun.isThreadAllocatedMemorySupported()) {
                    if (!sun.isThreadAllocatedMemoryEnabled()) {
                        sun.setThreadAllocatedMemoryEnabled(true);
                    }
                    if (TOTAL != null) {
                        try {
                            return (long) TOTAL.invoke(sun);
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            // fall through to the per-thread sum
                        }
                    }
                    long sum = 0;
                    for (long bytes : sun.getThreadAllocatedBytes(bean.getAllThreadIds())) {
                        sum += Math.max(0, bytes);
                    }
                    return sum;
                }
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            return -1;
        }
        return -1;
    }

    /** {@code getTotalThreadAllocatedBytes()} where the running JDK has it (it is newer than 17). */
    private static final java.lang.reflect.Method TOTAL = totalMethod();

    private static java.lang.reflect.Method totalMethod() {
        try {
            return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }

    /**
     * The figures of the run between {@code start} and this reading: heap used now, and the
     * growth of every counter.
     *
     * @param start the earlier reading, not null
     * @return heap used at the end; GC count, GC time and allocation during the run ({@code -1}
     *     allocation when either reading lacks it)
     */
    public JvmFigures since(JvmFigures start) {
        long alloc = allocatedBytes < 0 || start.allocatedBytes < 0 ? -1 : Math.max(0, allocatedBytes - start.allocatedBytes);
        return new JvmFigures(heapUsedBytes, Math.max(0, gcCount - start.gcCount),
                Math.max(0, gcTimeMillis - start.gcTimeMillis), alloc);
    }
}
