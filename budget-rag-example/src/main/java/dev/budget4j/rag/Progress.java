package dev.budget4j.rag;

import java.io.PrintStream;

/**
 * Progress of a long step on standard error: rewritten in place on a terminal, one line per
 * tenth otherwise (so logs stay short).
 */
final class Progress {
    private final PrintStream out;
    private final String what;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrinted = -1;
    private long lastNanos;

    Progress(PrintStream out, String what, long total, boolean terminal) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.terminal = terminal;
    }

    static Progress quiet() {
        return new Progress(null, "", 1, false);
    }

    /**
     * @param out where progress goes, or null for none
     * @param what the step, e.g. {@code "embedding chunks"}
     * @param total the step's units of work, &gt;= 1
     * @return progress rewritten in place when this JVM has a terminal, one line per tenth otherwise
     */
    static Progress to(PrintStream out, String what, long total) {
        return out == null ? quiet() : new Progress(out, what, total, System.console() != null);
    }

    void update(long done) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        long tenth = done * 10 / Math.max(1, total);
        boolean due = terminal ? now - lastNanos > 200_000_000L || done == total : tenth != lastPrinted;
        if (!due) {
            return;
        }
        lastPrinted = tenth;
        lastNanos = now;
        double secs = (now - startNanos) / 1e9;
        double eta = done == 0 ? Double.NaN : secs * (total - done) / done;
        String line = String.format("%s %,d/%,d (%3.0f%%) %5.1f s elapsed, about %.0f s left",
                what, done, total, 100.0 * done / Math.max(1, total), secs, eta);
        if (terminal) {
            out.print('\r' + line + (done == total ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
