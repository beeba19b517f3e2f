package dev.budget4j.rag;

import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.GateRules;

/** The budgets and gate rules checked in beside the example's code, read from its class path. */
final class Shipped {
    /** Resource name of the shipped budgets, one {@code stage = budget} line per stage. */
    static final String BUDGETS = "budgets.properties";
    /** Resource name of the shipped gate rules: a {@code default} line, then per-stage lines. */
    static final String GATE_RULES = "gate-rules.properties";

    private Shipped() {
    }

    /** @return the shipped budgets */
    static BudgetFile budgets() {
        return BudgetFile.fromResource(Shipped.class, "/" + BUDGETS);
    }

    /** @return the shipped gate rules */
    static GateRules gateRules() {
        return GateRules.fromResource(Shipped.class, "/" + GATE_RULES);
    }
}
