package dev.budget4j.internal;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}
 * (HotSpot and OpenJ9). Where that is missing, allocation is reported as not measured.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean BEAN = load();

    private AllocationMeter() {
    }

    private static com.sun.management.ThreadMXBean load() {
        try {
            java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (bean instanceof com.sun.management.ThreadMXBean) {
                com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
                if (sun.isThreadAllocatedMemorySupported()) {
                    if (!sun.isThreadAllocatedMemoryEnabled()) {
                        sun.setThreadAllocatedMemoryEnabled(true);
                    }
                    sun.getCurrentThreadAllocatedBytes();
                    return sun;
                }
            }
        } catch (LinkageError | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        return null;
    }

    /** {@return whether {@link #currentThreadAllocatedBytes()} works on this JVM} */
    public static boolean supported() {
        return BEAN != null;
    }

    /**
     * {@return bytes allocated by the calling thread since it started, or -1 where the JVM does not
     * count this thread's allocation (virtual threads); only differences mean anything}
     */
    public static long currentThreadAllocatedBytes() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }

    /**
     * Bytes the calling thread allocated since an earlier reading.
     *
     * @param before a reading of {@link #currentThreadAllocatedBytes()} on the same thread
     * @return the difference, or -1 when either reading is -1: a virtual thread, whose allocation
     *     HotSpot does not count, so the call's allocation is unknown (never 0)
     */
    public static long since(long before) {
        long after = BEAN.getCurrentThreadAllocatedBytes();
        return before < 0 || after < 0 ? -1 : after - before;
    }
}
