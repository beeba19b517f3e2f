package dev.budget4j.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All threads' recordings of one stage. Writers touch only their own {@link CallCell} (found
 * through a thread local), so threads never contend on the hot path; readers drain every cell
 * into three accumulators: the whole run, the user's intervals, and the enforcement windows.
 * Cells of threads that have ended are drained one last time and dropped.
 */
public final class CallRecorder {
    private final List<CallCell> cells = new CopyOnWriteArrayList<>();
    private final ThreadLocal<CallCell> local = ThreadLocal.withInitial(this::register);
    private final CallInterval drained = new CallInterval();
    private final CallInterval total = new CallInterval();
    private final CallInterval interval = new CallInterval();
    private final CallInterval window = new CallInterval();

    private CallCell register() {
        CallCell cell = new CallCell(Thread.currentThread());
        cells.add(cell);
        return cell;
    }

    /** The calling thread's cell. */
    public CallCell cell() {
        return local.get();
    }

    private void drain() {
        drained.reset();
        for (CallCell cell : cells) {
            cell.drainInto(drained);
            if (cell.ownerGone()) {
                cell.drainInto(drained);
                cells.remove(cell);
            }
        }
        total.add(drained);
        interval.add(drained);
        window.add(drained);
    }

    /** Everything since the start, copied into {@code out}. */
    public synchronized void total(CallInterval out) {
        drain();
        out.reset();
        out.add(total);
    }

    /** Everything since the previous call of this method, copied into {@code out}. */
    public synchronized void interval(CallInterval out) {
        drain();
        out.reset();
        out.add(interval);
        interval.reset();
    }

    /** Everything since the previous enforcement window closed, copied into {@code out}. */
    public synchronized void window(CallInterval out) {
        drain();
        out.reset();
        out.add(window);
        window.reset();
    }
}
