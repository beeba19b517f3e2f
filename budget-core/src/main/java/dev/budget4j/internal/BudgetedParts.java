package dev.budget4j.internal;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The budgeted stages directly inside a stage: the budgeted parts of a pipeline, or what a chain
 * of decorators wraps, without looking inside a budgeted stage found on the way. They are a
 * budgeted stage's children in its report, and what it closes when it is closed.
 */
final class BudgetedParts {
    private BudgetedParts() {
    }

    static List<BudgetedStage<?, ?>> of(Stage<?, ?> stage) {
        List<BudgetedStage<?, ?>> out = new ArrayList<>();
        collect(stage, out);
        return out;
    }

    private static void collect(Stage<?, ?> stage, List<BudgetedStage<?, ?>> out) {
        if (stage instanceof BudgetedStage) {
            out.add((BudgetedStage<?, ?>) stage);
            return;
        }
        List<Stage<?, ?>> parts = stage.stages();
        if (parts.size() == 1 && parts.get(0) == stage) {
            if (stage instanceof Decorator && ((Decorator) stage).delegate() instanceof Stage) {
                collect((Stage<?, ?>) ((Decorator) stage).delegate(), out);
            }
            return;
        }
        for (Stage<?, ?> part : parts) {
            collect(part, out);
        }
    }
}
