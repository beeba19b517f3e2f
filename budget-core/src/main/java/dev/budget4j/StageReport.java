package dev.budget4j;

import dev.budget4j.internal.BudgetText;
import java.util.List;

/**
 * A budgeted stage's figures and verdict, with its budgeted parts as children: end-to-end at the
 * root, per stage below.
 *
 * @param name the stage name
 * @param snapshot the figures
 * @param verdict the budget check
 * @param children reports of budgeted stages inside this one, in call order
 */
public record StageReport(String name, StageSnapshot snapshot, Verdict verdict, List<StageReport> children) {

    /**
     * Copies the children.
     *
     * @param name the stage name
     * @param snapshot the figures
     * @param verdict the budget check
     * @param children the children
     */
    public StageReport {
        children = List.copyOf(children);
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
