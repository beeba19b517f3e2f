package dev.budget4j.internal;

import dev.budget4j.Budget;
import dev.budget4j.BudgetExceededException;
import dev.budget4j.BudgetedStage;
import dev.budget4j.CacheStats;
import dev.budget4j.Check;
import dev.budget4j.Dimension;
import dev.budget4j.Enforcement;
import dev.budget4j.Limit;
import dev.budget4j.MemoizedStage;
import dev.budget4j.Outcome;
import dev.budget4j.Stage;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Ticker;
import dev.budget4j.Verdict;
import dev.budget4j.Violation;
import dev.budget4j.internal.jfr.StageCallEvent;
import dev.budget4j.internal.jfr.ViolationEvent;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spi.BudgetListener;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budgeted stage. The per-call path is {@link #apply}; everything else runs off it. Calls
 * are recorded into a {@link CallRecorder}, whose memory is bounded by its stripes, not by the
 * threads that call.
 */
public final class DefaultBudgetedStage<I, O> implements BudgetedStage<I, O>, Decorator {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetedStage.class);

    private final Stage<I, O> delegate;
    private final String name;
    private final Budget budget;
    private final String overrideSource;
    private final Enforcement enforcement;
    private final Ticker ticker;
    private final boolean trackAllocation;
    private final boolean jfrCallEvents;
    private final boolean enforcing;
    private final long maxNanos;
    private final Limit maxLimit;
    private final long windowNanos;
    private final long windowCalls;
    private final List<BudgetListener> listeners;
    private final MemoizedStage<?, ?> memo;
    private final RssWindow rssWindow;
    private final CallRecorder recorder = new CallRecorder();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicLong windowCallCount = new AtomicLong();
    private final ReentrantLock windowLock = new ReentrantLock();
    private volatile long windowStart;
    private volatile long windowSeq;
    private final Map<Dimension, Long> notified = new ConcurrentHashMap<>();

    public DefaultBudgetedStage(Stage<I, O> delegate, Budget coded, Enforcement enforcement, Duration window,
            long windowCalls, Ticker ticker, Boolean trackAllocation, boolean jfrCallEvents,
            List<BudgetListener> listeners, MemoryProbe memoryProbe) {
        this.delegate = delegate;
        this.name = Require.notBlank(delegate.name(), "stage.name()");
        Overrides.Resolved resolved = Overrides.resolve(name, coded);
        this.budget = resolved.budget;
        this.overrideSource = resolved.source;
        this.enforcement = enforcement;
        this.ticker = ticker;
        boolean wantsAllocation = trackAllocation != null ? trackAllocation : budget.limit(Dimension.ALLOCATION).isPresent();
        this.trackAllocation = wantsAllocation && AllocationMeter.supported();
        this.jfrCallEvents = jfrCallEvents;
        this.enforcing = enforcement != Enforcement.RECORD;
        this.maxLimit = budget.limit(Dimension.MAX).orElse(null);
        this.maxNanos = maxLimit == null ? Long.MAX_VALUE : (long) maxLimit.value();
        this.windowNanos = window.toNanos();
        this.windowCalls = windowCalls;
        List<BudgetListener> all = new ArrayList<>(listeners);
        if (enforcement == Enforcement.LOG) {
            all.add(0, v -> LOG.warn("budget4j: {}", v));
        }
        this.listeners = List.copyOf(all);
        this.memo = Decorator.find(delegate, MemoizedStage.class);
        if (budget.limit(Dimension.CACHE_HIT_RATE).isPresent() && memo == null) {
            throw new IllegalArgumentException("budget dimension cacheHitRate needs a stage built by Stages.memoize,"
                    + " but stage '" + name + "' is not memoized");
        }
        if (budget.needsMemoryProbe()) {
            String dim = budget.limit(Dimension.RSS).isPresent() ? "rss" : "rssGrowth";
            MemoryProbe probe = memoryProbe != null ? memoryProbe : MemoryProbes.require(name, dim);
            this.rssWindow = Require.notNull(probe.openWindow(), "memoryProbe.openWindow()");
        } else {
            this.rssWindow = null;
        }
        this.windowStart = ticker.nanoTime();
    }

    @Override
    public O apply(I input) {
        if (closed.get()) {
            return delegate.apply(input);
        }
        if (jfrCallEvents) {
            return applyWithEvent(input);
        }
        long allocBefore = trackAllocation ? AllocationMeter.currentThreadAllocatedBytes() : 0;
        long start = ticker.nanoTime();
        O out;
        try {
            out = delegate.apply(input);
        } catch (Throwable t) {
            long end = ticker.nanoTime();
            long alloc = trackAllocation ? AllocationMeter.since(allocBefore) : 0;
            recorder.record(start, end, true, alloc);
            if (enforcing) {
                enforceQuietly(end - start, end);
            }
            throw t;
        }
        long end = ticker.nanoTime();
        long alloc = trackAllocation ? AllocationMeter.since(allocBefore) : 0;
        recorder.record(start, end, false, alloc);
        if (enforcing) {
            enforce(end - start, end);
        }
        return out;
    }

    private O applyWithEvent(I input) {
        StageCallEvent event = new StageCallEvent();
        long allocBefore = trackAllocation ? AllocationMeter.currentThreadAllocatedBytes() : 0;
        event.begin();
        long start = ticker.nanoTime();
        boolean failed = true;
        try {
            O out = delegate.apply(input);
            failed = false;
            return out;
        } finally {
            long end = ticker.nanoTime();
            event.end();
            long alloc = trackAllocation ? AllocationMeter.since(allocBefore) : 0;
            recorder.record(start, end, failed, alloc);
            if (event.shouldCommit()) {
                event.stage = name;
                event.failed = failed;
                event.allocatedBytes = trackAllocation ? alloc : -1;
                event.commit();
            }
            if (enforcing) {
                if (failed) {
                    enforceQuietly(end - start, end);
                } else {
                    enforce(end - start, end);
                }
            }
        }
    }

    /** After a failed call: report, but never replace the stage's own exception. */
    private void enforceQuietly(long latency, long end) {
        try {
            enforce(latency, end);
        } catch (BudgetExceededException ignored) {
            // the stage's exception wins; the violation was already reported to listeners
        }
    }

    private void enforce(long latency, long end) {
        List<Violation> violations = null;
        if (latency > maxNanos) {
            violations = new ArrayList<>(2);
            Violation v = new Violation(name, maxLimit, latency, 1);
            violations.add(v);
            notifyOncePerWindow(v);
        }
        // Count every call first: a time-closed window must not skip the count of the call that closed it.
        boolean byCalls = windowCalls > 0 && windowCallCount.incrementAndGet() % windowCalls == 0;
        boolean closeWindow = byCalls || end - windowStart >= windowNanos;
        if (closeWindow && windowLock.tryLock()) {
            try {
                List<Violation> windowed = closeWindow(end);
                if (!windowed.isEmpty()) {
                    if (violations == null) {
                        violations = new ArrayList<>(windowed.size());
                    }
                    violations.addAll(windowed);
                }
            } finally {
                windowLock.unlock();
            }
        }
        if (violations != null && enforcement == Enforcement.THROW) {
            throw new BudgetExceededException(violations);
        }
    }

    private List<Violation> closeWindow(long end) {
        CallInterval w = new CallInterval();
        recorder.window(w);
        windowStart = end;
        windowSeq++;
        Verdict verdict = Evaluator.evaluate(budget, snapshotOf(w), overrideSource);
        List<Violation> found = new ArrayList<>();
        for (Check c : verdict.checks()) {
            if (c.outcome() == Outcome.VIOLATED && !c.dimension().equals(Dimension.MAX)) {
                Violation v = new Violation(name, c.limit(), c.observed(), c.samples());
                found.add(v);
                notifyOncePerWindow(v);
            }
        }
        return found;
    }

    private void notifyOncePerWindow(Violation v) {
        long seq = windowSeq;
        Long last = notified.put(v.dimension(), seq);
        if (last != null && last == seq) {
            return;
        }
        ViolationEvent event = new ViolationEvent();
        if (event.isEnabled()) {
            event.stage = name;
            event.dimension = v.dimension().label();
            event.limit = v.limit().toString();
            event.observed = BudgetText.display(v.dimension().kind(), v.observed());
            event.samples = v.samples();
            event.commit();
        }
        for (BudgetListener listener : listeners) {
            try {
                listener.onViolation(v);
            } catch (RuntimeException e) {
                LOG.warn("budget4j: listener {} failed on {}", listener, v, e);
            }
        }
    }

    private StageSnapshot snapshotOf(CallInterval interval) {
        StageSnapshot.Builder b = StageSnapshot.builder(name, interval.latency)
                .failures(interval.failures)
                .elapsedNanos(interval.elapsedNanos());
        if (trackAllocation && interval.unmeasuredAllocationCalls == 0) {
            b.allocatedBytes(interval.allocatedBytes);
        }
        if (rssWindow != null) {
            long start = rssWindow.startRssBytes();
            long peak = rssWindow.peakRssBytes();
            b.rss(peak, Math.max(0, peak - start));
        }
        if (memo != null) {
            CacheStats stats = memo.cacheStats();
            b.cacheStats(stats);
        }
        return b.build();
    }

    @Override
    public StageSnapshot snapshot() {
        CallInterval out = new CallInterval();
        recorder.total(out);
        return snapshotOf(out);
    }

    @Override
    public StageSnapshot intervalSnapshot() {
        CallInterval out = new CallInterval();
        recorder.interval(out);
        return snapshotOf(out);
    }

    @Override
    public Verdict verdict() {
        return Evaluator.evaluate(budget, snapshot(), overrideSource);
    }

    @Override
    public StageReport report() {
        StageSnapshot s = snapshot();
        List<StageReport> children = new ArrayList<>();
        for (BudgetedStage<?, ?> part : BudgetedParts.of(delegate)) {
            children.add(part.report());
        }
        return Results.report(name, s, Evaluator.evaluate(budget, s, overrideSource), children);
    }

    /**
     * Closes the RSS window, then the budgeted stages inside. Idempotent; later calls pass straight
     * through unrecorded, calls already running are still recorded, and reads keep working.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        if (rssWindow != null) {
            try {
                rssWindow.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (BudgetedStage<?, ?> part : BudgetedParts.of(delegate)) {
            try {
                part.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@return the recorder, for tests that count what it holds} */
    CallRecorder recorder() {
        return recorder;
    }

    @Override
    public Budget budget() {
        return budget;
    }

    @Override
    public Enforcement enforcement() {
        return enforcement;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "BudgetedStage[" + name + ": " + budget + "]";
    }
}
