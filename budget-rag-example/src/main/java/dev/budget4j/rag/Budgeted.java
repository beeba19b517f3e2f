package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import dev.budget4j.profile.BudgetFile;
import java.util.function.Function;

/** Every stage of the example the same way: {@code Budget(stage)} under its budget from the file, allocation tracked. */
final class Budgeted {
    private Budgeted() {
    }

    static <I, O> BudgetedStage<I, O> stage(BudgetFile budgets, Stage<I, O> stage) {
        return Budgets.budgeted(stage).budget(budgets.budget(stage.name())).trackAllocation(true).build();
    }

    static <I, O> BudgetedStage<I, O> stage(BudgetFile budgets, String name, Function<? super I, ? extends O> f) {
        return stage(budgets, Stage.of(name, f));
    }
}
