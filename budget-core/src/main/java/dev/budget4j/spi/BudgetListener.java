package dev.budget4j.spi;

import dev.budget4j.Violation;

/**
 * Told about budget violations found while a stage runs in {@code LOG} or {@code THROW}
 * enforcement. Called on the thread whose call closed the window or breached {@code max}, so it
 * must be quick and must not throw (an exception from a listener is logged and ignored).
 */
@FunctionalInterface
public interface BudgetListener {

    /**
     * A dimension missed its budget.
     *
     * @param violation what was missed, by how much, over how many samples
     */
    void onViolation(Violation violation);
}
