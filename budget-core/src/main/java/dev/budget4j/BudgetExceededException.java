package dev.budget4j;

import java.util.List;

/** Thrown by a stage in {@link Enforcement#THROW} mode when it misses its budget. */
public final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param violations what was missed, not empty
     */
    public BudgetExceededException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(List<Violation> violations) {
        StringBuilder out = new StringBuilder("budget exceeded:");
        for (Violation v : violations) {
            out.append("\n  ").append(v);
        }
        return out.toString();
    }

    /** {@return what was missed} */
    public List<Violation> violations() {
        return violations == null ? List.of() : violations;
    }
}
