package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OshiMemoryProbeTest {

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            System.gc();
            Thread.sleep(20);
        }
    }

    /**
     * Collects, then waits until RSS holds steady for 100 ms (at most 5 s): a heap that earlier
     * tests in this JVM grew shrinks after a collection, and a shrink that lands inside a window
     * lowers RSS there and hides the allocation the window should see.
     */
    private static void settle(OshiMemoryProbe probe) throws InterruptedException {
        System.gc();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long before = probe.currentRssBytes();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = probe.currentRssBytes();
            if (Math.abs(now - before) < 4L << 20) {
                return;
            }
            before = now;
        }
    }

    @Test
    void readsRssAndTracksAPeakThatCoversAnAllocation() throws Exception {
        try (OshiMemoryProbe probe = new OshiMemoryProbe(Duration.ofMillis(2))) {
            long rss = probe.currentRssBytes();
            assertTrue(rss > 1 << 20, "RSS should be above 1 MiB, was " + rss);
            settle(probe);
            RssWindow w = probe.openWindow();
            assertTrue(probe.samplerRunning());
            // Off the heap, so the 64 MiB are new pages of the process: a heap allocation can land on
            // pages that earlier tests in this JVM already made resident, and then RSS does not rise.
            java.nio.ByteBuffer block = java.nio.ByteBuffer.allocateDirect(64 << 20);
            for (int i = 0; i < block.capacity(); i += 4096) {
                block.put(i, (byte) 1);
            }
            Thread.sleep(30);
            w.close();
            assertTrue(w.peakRssBytes() >= w.startRssBytes());
            assertTrue(w.peakRssBytes() - w.startRssBytes() > 32L << 20,
                    "touching 64 MiB should raise the peak by > 32 MiB, but it rose by " + (w.peakRssBytes() - w.startRssBytes()));
            assertEquals(64 << 20, block.capacity()); // keeps the block reachable until the window closed
            long peak = w.peakRssBytes();
            Thread.sleep(20);
            assertEquals(peak, w.peakRssBytes(), "a closed window no longer changes");
            await(() -> !probe.samplerRunning(), "the sampler stops with no open window");
        }
    }

    @Test
    void anUnreachableWindowStopsBeingSampled() throws Exception {
        try (OshiMemoryProbe probe = new OshiMemoryProbe(Duration.ofMillis(5))) {
            openAndDrop(probe);
            assertTrue(probe.samplerRunning());
            await(() -> probe.openWindows() == 0, "the dropped window is collected");
            await(() -> !probe.samplerRunning(), "the sampler thread ends");
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("budget4j-rss-sampler") && t.isAlive() && !otherProbeThread(t)),
                    "no sampler thread is left");
        }
    }

    private static boolean otherProbeThread(Thread t) {
        return false;
    }

    private static void openAndDrop(OshiMemoryProbe probe) {
        probe.openWindow();
    }

    @Test
    void closeStopsTheSamplerAndRefusesNewWindows() throws Exception {
        OshiMemoryProbe probe = new OshiMemoryProbe(Duration.ofMillis(5));
        RssWindow w = probe.openWindow();
        probe.close();
        assertFalse(probe.samplerRunning());
        long before = probe.sampleCount();
        Thread.sleep(30);
        assertEquals(before, probe.sampleCount(), "no sampling after close");
        IllegalStateException e = assertThrows(IllegalStateException.class, probe::openWindow);
        assertTrue(e.getMessage().contains("closed"));
        w.close();
        probe.close();
    }

    @Test
    void intervalIsValidatedAndConfigurable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OshiMemoryProbe(Duration.ZERO));
        assertTrue(e.getMessage().startsWith("interval must be in [1 ms, 1 h]"), e.getMessage());
        assertEquals(Duration.ofMillis(10), new OshiMemoryProbe().interval());
        System.setProperty(OshiMemoryProbe.INTERVAL_PROPERTY, "25");
        try {
            assertEquals(Duration.ofMillis(25), new OshiMemoryProbe().interval());
            System.setProperty(OshiMemoryProbe.INTERVAL_PROPERTY, "soon");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, OshiMemoryProbe::new);
            assertTrue(bad.getMessage().contains("'soon'"));
        } finally {
            System.clearProperty(OshiMemoryProbe.INTERVAL_PROPERTY);
        }
    }

    @Test
    void serviceLoaderFindsTheProbeAndCoreUsesItForRssBudgets() {
        MemoryProbe found = ServiceLoader.load(MemoryProbe.class).findFirst().orElseThrow();
        assertInstanceOf(OshiMemoryProbe.class, found);
        BudgetedStage<String, Integer> s = Budgets.budgetedStage(Stage.of("len", String::length), Budget.parse("rss<=64GiB"));
        s.apply("abc");
        assertTrue(s.snapshot().peakRssBytes().orElseThrow() > 0);
    }

    @Test
    void kernelPeakIsReadOnLinux() {
        OshiMemoryProbe probe = new OshiMemoryProbe();
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            assertTrue(probe.peakRssBytes().orElseThrow() >= probe.currentRssBytes() / 2);
        }
    }

    @Test
    void jvmFiguresCountAllocationAcrossThreads() throws Exception {
        JvmFigures start = JvmFigures.read();
        Thread t = new Thread(() -> {
            byte[][] keep = new byte[16][];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = new byte[1 << 20];
            }
            Blackhole.sink = keep;
        });
        t.start();
        byte[] mine = new byte[4 << 20];
        Blackhole.sink2 = mine;
        Thread.sleep(50);
        JvmFigures run = JvmFigures.read().since(start);
        t.join();
        if (JvmFigures.allocationSupported()) {
            assertTrue(run.allocatedBytes() >= 4L << 20, "allocated " + run.allocatedBytes());
        }
        assertTrue(run.heapUsedBytes() > 0);
        assertTrue(run.gcCount() >= 0 && run.gcTimeMillis() >= 0);
    }

    static final class Blackhole {
        static volatile Object sink;
        static volatile Object sink2;
    }
}
