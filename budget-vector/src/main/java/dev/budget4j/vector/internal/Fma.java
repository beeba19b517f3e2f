package dev.budget4j.vector.internal;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Whether fused multiply-add is fast here. {@code Math.fma} and {@code Vector.fma} become one
 * instruction only when HotSpot's {@code UseFMA} flag is on (it is on when the CPU has FMA);
 * otherwise they fall back to exact, very slow software.
 */
final class Fma {
    private Fma() {
    }

    static boolean useFma() {
        String forced = System.getProperty("budget4j.vector.fma");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or jdk.management absent: stay with multiply + add
        }
    }
}
