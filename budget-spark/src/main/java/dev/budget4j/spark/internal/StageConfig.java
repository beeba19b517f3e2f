package dev.budget4j.spark.internal;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Enforcement;
import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a stage is budgeted, in a form that travels to executors: its name, its budget as text
 * ({@link Budget} is not serializable; its text parses back to an equal budget), the enforcement
 * mode and whether allocation is tracked (null: the core default). Equal configurations share
 * one pool of recorders per executor JVM.
 */
public final class StageConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String budget;
    private final Enforcement enforcement;
    private final Boolean trackAllocation;

    /**
     * @param name the stage name, not blank
     * @param budget the budget, not null
     * @param enforcement the enforcement mode, not null
     * @param trackAllocation whether to measure allocation per call, or null for the core default
     */
    public StageConfig(String name, Budget budget, Enforcement enforcement, Boolean trackAllocation) {
        this.name = Require.notBlank(name, "name");
        this.budget = Require.notNull(budget, "budget").toString();
        this.enforcement = Require.notNull(enforcement, "enforcement");
        this.trackAllocation = trackAllocation;
    }

    /** {@return the stage name} */
    public String name() {
        return name;
    }

    /** {@return the budget, parsed from its text} */
    public Budget budget() {
        return Budget.parse(budget);
    }

    /** {@return the enforcement mode} */
    public Enforcement enforcement() {
        return enforcement;
    }

    /** Builds a budgeted stage around {@code stage}, which must carry this configuration's name. */
    <I, O> BudgetedStage<I, O> build(Stage<I, O> stage) {
        Budgets.Builder<I, O> b = Budgets.budgeted(stage).budget(budget()).enforcement(enforcement);
        if (trackAllocation != null) {
            b.trackAllocation(trackAllocation);
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StageConfig)) {
            return false;
        }
        StageConfig c = (StageConfig) o;
        return name.equals(c.name) && budget.equals(c.budget) && enforcement == c.enforcement
                && Objects.equals(trackAllocation, c.trackAllocation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, budget, enforcement, trackAllocation);
    }

    @Override
    public String toString() {
        return name + " [" + budget + ", " + enforcement + (trackAllocation == null ? "" : ", trackAllocation=" + trackAllocation)
                + "]";
    }
}
