package dev.budget4j;

import dev.budget4j.internal.BudgetText;
import dev.budget4j.internal.util.Require;
import java.util.List;

/**
 * A budgeted stage's figures and verdict, with its budgeted parts as children: end-to-end at the
 * root, per stage below.
 *
 * <p>Reports come from budget4j: {@link BudgetedStage#report()}, or {@link #of(Recording)} for a
 * recording checked against its budget. {@link #tree} regroups reports made that way into a
 * larger tree. There is no public constructor, so a report's figures and verdict always belong
 * together.
 */
public final class StageReport {
    private final String name;
    private final StageSnapshot snapshot;
    private final Verdict verdict;
    private final List<StageReport> children;

    StageReport(String name, StageSnapshot snapshot, Verdict verdict, List<StageReport> children) {
        this.name = Require.notBlank(name, "name");
        this.snapshot = Require.notNull(snapshot, "snapshot");
        this.verdict = Require.notNull(verdict, "verdict");
        this.children = List.copyOf(Require.notNull(children, "children"));
    }

    /**
     * A recording's figures checked against the budget it carries, as a report without children:
     * for recordings merged from many threads, JVMs or machines.
     *
     * @param recording a recording with a budget, not null
     * @return the report, named after the recording's stage
     * @throws IllegalStateException when the recording has no budget
     */
    public static StageReport of(Recording recording) {
        Require.notNull(recording, "recording");
        return new StageReport(recording.stage(), recording.snapshot(), recording.evaluate(), List.of());
    }

    /**
     * Groups reports into a tree: a root named {@code name} that carries {@code figures}'s snapshot
     * and verdict, over {@code children}. For example, the end-to-end report of a pipeline over the
     * reports of stages that were not budgeted inside it.
     *
     * @param name the root's name, not blank
     * @param figures the report whose snapshot and verdict the root carries, not null; its own
     *     children are not kept
     * @param children the root's children, in call order, not null
     * @return the tree
     */
    public static StageReport tree(String name, StageReport figures, List<StageReport> children) {
        Require.notNull(figures, "figures");
        return new StageReport(name, figures.snapshot, figures.verdict, children);
    }

    /** {@return the stage name} */
    public String name() {
        return name;
    }

    /** {@return the figures} */
    public StageSnapshot snapshot() {
        return snapshot;
    }

    /** {@return the figures checked against the stage's budget} */
    public Verdict verdict() {
        return verdict;
    }

    /** {@return reports of budgeted stages inside this one, in call order; immutable} */
    public List<StageReport> children() {
        return children;
    }

    /** {@return an indented tree, one line per stage: calls, p50, p99, max, outcome} */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        render(this, "", "", out);
        return out.toString();
    }

    private static void render(StageReport r, String first, String rest, StringBuilder out) {
        StageSnapshot s = r.snapshot;
        out.append(first).append(r.name)
                .append("  calls=").append(s.calls())
                .append(" p50=").append(BudgetText.displayNanos(s.percentileNanos(50)))
                .append(" p99=").append(BudgetText.displayNanos(s.percentileNanos(99)))
                .append(" max=").append(BudgetText.displayNanos(s.maxNanos()))
                .append("  ").append(r.verdict.outcome()).append('\n');
        for (int i = 0; i < r.children.size(); i++) {
            boolean last = i == r.children.size() - 1;
            render(r.children.get(i), rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "), out);
        }
    }
}
