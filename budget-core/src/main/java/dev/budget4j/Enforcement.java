package dev.budget4j;

/** What a budgeted stage does when its budget is missed while it runs. */
public enum Enforcement {
    /** Record figures only; check them with {@link BudgetedStage#verdict()}. The default, and the cheapest. */
    RECORD,
    /**
     * Record, and check each window: a violation is logged at WARN through SLF4J at most once per
     * window per dimension and passed to the listeners.
     */
    LOG,
    /**
     * Record, and throw {@link BudgetExceededException} from the call that breached {@code max},
     * or that closed a window whose percentiles (or other dimensions) missed the budget. The call
     * itself has completed; its result is discarded. A call that throws keeps its own exception:
     * the violation still goes to the listeners, but is not thrown.
     */
    THROW
}
