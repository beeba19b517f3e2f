package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.ProcStatus;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The {@link MemoryProbe} behind budget-core's {@code rss} and {@code rssGrowth} dimensions:
 * reads the process's resident set size with OSHI.
 *
 * <p>An OSHI read costs a fraction of a millisecond (about 0.3 ms on Linux), so it never runs per
 * call. Each {@link #openWindow() window} is tracked by one daemon sampler thread that reads RSS
 * every {@link #interval()} (default 10 ms; the service-loaded instance reads the system property
 * {@code budget4j.rss.intervalMillis}). The sampler holds windows only weakly: a window that is
 * no longer reachable (its budgeted stage was dropped) stops being sampled, and the thread ends as
 * soon as no window is open, so an idle probe owns no thread. {@link #close()} stops it for good.
 *
 * <p>A peak from sampling can miss a spike shorter than the interval. On Linux
 * {@link #peakRssBytes()} gives the kernel's own high-water mark ({@code VmHWM}), which
 * misses nothing but covers the whole life of the process.
 */
public final class OshiMemoryProbe implements MemoryProbe, AutoCloseable {
    /** The default sampling interval: 10 ms. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);
    /** System property read by the no-argument constructor: the sampling interval in milliseconds. */
    public static final String INTERVAL_PROPERTY = "budget4j.rss.intervalMillis";

    private final long intervalNanos;
    private final Object lock = new Object();
    private final List<WeakReference<Window>> windows = new ArrayList<>();
    private Thread sampler;
    private boolean closed;
    private OSProcess process;
    private final AtomicLong samples = new AtomicLong();

    /**
     * The service-loaded probe: interval from {@value #INTERVAL_PROPERTY} (milliseconds, &gt; 0),
     * else {@link #DEFAULT_INTERVAL}.
     *
     * @throws IllegalArgumentException when the property is set but not a positive integer
     */
    public OshiMemoryProbe() {
        this(intervalFromProperty());
    }

    /**
     * A probe with its own sampling interval.
     *
     * @param interval time between RSS reads while a window is open, in [1 ms, 1 h]
     */
    public OshiMemoryProbe(Duration interval) {
        Require.notNull(interval, "interval");
        Require.that(interval.compareTo(Duration.ofMillis(1)) >= 0 && interval.compareTo(Duration.ofHours(1)) <= 0,
                "interval", "must be in [1 ms, 1 h]", interval);
        this.intervalNanos = interval.toNanos();
    }

    private static Duration intervalFromProperty() {
        String text = System.getProperty(INTERVAL_PROPERTY);
        if (text == null || text.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        try {
            long ms = Long.parseLong(text.trim());
            Require.that(ms > 0, INTERVAL_PROPERTY, "must be a whole number of milliseconds > 0", text);
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INTERVAL_PROPERTY + " must be a whole number of milliseconds > 0, but was '"
                    + text + "'", e);
        }
    }

    /** {@return {@code "oshi"}} */
    @Override
    public String name() {
        return "oshi";
    }

    /** {@return the time between two RSS reads while a window is open} */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /**
     * Reads RSS now on the calling thread (about 0.3 ms on Linux).
     *
     * @return resident set size in bytes, {@code >= 0}
     */
    @Override
    public long currentRssBytes() {
        synchronized (this) {
            if (process == null) {
                OperatingSystem os = new SystemInfo().getOperatingSystem();
                process = os.getProcess(os.getProcessId());
            }
            if (process == null || !process.updateAttributes()) {
                return ProcStatus.kilobytesField("VmRSS").orElse(0);
            }
            return Math.max(0, process.getResidentSetSize());
        }
    }

    /**
     * The kernel's peak RSS for this process ({@code VmHWM} in {@code /proc/self/status}), which
     * no sampling can miss; it covers the process's whole life. Costs one small file read.
     *
     * @return bytes, or empty when not on Linux or unreadable
     */
    @Override
    public OptionalLong peakRssBytes() {
        return ProcStatus.kilobytesField("VmHWM");
    }

    /**
     * Opens a window: reads RSS once now, then the sampler tracks the peak until the window is
     * closed or becomes unreachable.
     *
     * @return the window
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public RssWindow openWindow() {
        long start = currentRssBytes();
        samples.incrementAndGet();
        Window w = new Window(this, start);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("probe must be open to open a window, but was closed");
            }
            windows.add(new WeakReference<>(w));
            if (sampler == null) {
                Thread t = new Thread(this::sample, "budget4j-rss-sampler");
                t.setDaemon(true);
                sampler = t;
                t.start();
            }
        }
        return w;
    }

    /** {@return whether the sampler thread is running (it runs only while a window is open)} */
    public boolean samplerRunning() {
        synchronized (lock) {
            return sampler != null;
        }
    }

    /** {@return the number of open, reachable windows} */
    public int openWindows() {
        synchronized (lock) {
            prune();
            return windows.size();
        }
    }

    /** {@return RSS reads made by this probe so far (window openings, samples and closings)} */
    public long sampleCount() {
        return samples.get();
    }

    /**
     * Stops the sampler and closes every open window; later {@link #openWindow()} calls fail.
     * Waits up to one interval plus 1 s for the thread to end. Idempotent.
     */
    @Override
    public void close() {
        Thread t;
        List<Window> open = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            for (WeakReference<Window> ref : windows) {
                Window w = ref.get();
                if (w != null) {
                    open.add(w);
                }
            }
            windows.clear();
            t = sampler;
            lock.notifyAll();
        }
        for (Window w : open) {
            w.closed = true;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(intervalNanos / 1_000_000 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void prune() {
        Iterator<WeakReference<Window>> it = windows.iterator();
        while (it.hasNext()) {
            Window w = it.next().get();
            if (w == null || w.closed) {
                it.remove();
            }
        }
    }

    private void sample() {
        try {
            while (true) {
                List<Window> live = new ArrayList<>();
                synchronized (lock) {
                    prune();
                    if (closed || windows.isEmpty()) {
                        sampler = null;
                        return;
                    }
                    for (WeakReference<Window> ref : windows) {
                        Window w = ref.get();
                        if (w != null) {
                            live.add(w);
                        }
                    }
                }
                long rss = currentRssBytes();
                samples.incrementAndGet();
                for (Window w : live) {
                    w.offer(rss);
                }
                live = null; // let unreachable windows be collected while we wait
                synchronized (lock) {
                    if (closed) {
                        sampler = null;
                        return;
                    }
                    long waitMs = intervalNanos / 1_000_000;
                    int waitNs = (int) (intervalNanos % 1_000_000);
                    lock.wait(waitMs, waitNs);
                }
            }
        } catch (InterruptedException e) {
            synchronized (lock) {
                sampler = null;
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                sampler = null;
            }
            throw e;
        }
    }

    private static final class Window implements RssWindow {
        private final OshiMemoryProbe probe;
        private final long start;
        private final AtomicLong peak;
        private volatile boolean closed;

        Window(OshiMemoryProbe probe, long start) {
            this.probe = probe;
            this.start = start;
            this.peak = new AtomicLong(start);
        }

        void offer(long rss) {
            if (!closed) {
                peak.accumulateAndGet(rss, Math::max);
            }
        }

        @Override
        public long startRssBytes() {
            return start;
        }

        @Override
        public long peakRssBytes() {
            return peak.get();
        }

        /** Takes one last reading (about 0.3 ms) so that a short window is not missed, then stops. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            offer(probe.currentRssBytes());
            probe.samples.incrementAndGet();
            closed = true;
            synchronized (probe.lock) {
                probe.prune();
            }
        }
    }
}
