package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.StageSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a budgeted stage's calls into rounds with {@link BudgetedStage#intervalSnapshot()}: the
 * baseline gate compares a stage round by round (a bootstrap over per-round values), so every
 * stage that is called many times is measured as {@value #COUNT} rounds of like calls.
 */
final class Rounds {
    /** Rounds per stage where the calls allow it. */
    static final int COUNT = 5;

    private final BudgetedStage<?, ?> stage;
    private final List<StageSnapshot> rounds = new ArrayList<>();

    /** @param stage a stage built just now (its first interval starts at its construction) */
    Rounds(BudgetedStage<?, ?> stage) {
        this.stage = Args.notNull(stage, "stage");
    }

    /** Ends the current round; a round without calls is dropped. */
    void cut() {
        StageSnapshot s = stage.intervalSnapshot();
        if (s.calls() > 0) {
            rounds.add(s);
        }
    }

    /**
     * Ends the round when call {@code done} (1-based) of {@code total} closes one of
     * {@value #COUNT} equal parts.
     *
     * @param done calls made so far, in [1, total]
     * @param total all calls of this pass, &gt;= 1
     */
    void cutAt(long done, long total) {
        long per = Math.max(1, (total + COUNT - 1) / COUNT);
        if (done % per == 0 || done == total) {
            cut();
        }
    }

    /** @return the rounds so far, in order */
    List<StageSnapshot> rounds() {
        return List.copyOf(rounds);
    }
}
