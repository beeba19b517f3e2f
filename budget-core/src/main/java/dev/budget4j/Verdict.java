package dev.budget4j;

import dev.budget4j.internal.Results;
import dev.budget4j.internal.util.Require;
import dev.budget4j.internal.util.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking every dimension of a budget: {@link Outcome#VIOLATED} if any check
 * failed, else {@link Outcome#INCONCLUSIVE} if any lacked data, else {@link Outcome#MET}.
 *
 * <p>Only budget4j makes verdicts, by checking figures against a budget: {@link Budget#evaluate},
 * {@link Recording#evaluate()}, {@link BudgetedStage#verdict()}. There is no public constructor,
 * so a verdict that says MET was earned.
 */
public final class Verdict {
    static {
        Results.install(new ResultFactory());
    }

    private final String stage;
    private final Budget budget;
    private final List<Check> checks;
    private final String overrideSource;

    /**
     * Creates a verdict; through {@link Results} only.
     *
     * @param stage the stage name
     * @param budget the budget checked
     * @param checks one check per limit
     * @param overrideSource where an override of the budget came from, or null when not overridden
     */
    Verdict(String stage, Budget budget, List<Check> checks, String overrideSource) {
        this.stage = Require.notBlank(stage, "stage");
        this.budget = Require.notNull(budget, "budget");
        this.checks = List.copyOf(Require.notNull(checks, "checks"));
        this.overrideSource = overrideSource;
    }

    /** {@return the stage name} */
    public String stage() {
        return stage;
    }

    /** {@return the budget that was checked (the override, when there was one)} */
    public Budget budget() {
        return budget;
    }

    /** {@return every check, in the budget's order} */
    public List<Check> checks() {
        return checks;
    }

    /** {@return the overall outcome} */
    public Outcome outcome() {
        boolean inconclusive = false;
        for (Check c : checks) {
            if (c.outcome() == Outcome.VIOLATED) {
                return Outcome.VIOLATED;
            }
            inconclusive |= c.outcome() == Outcome.INCONCLUSIVE;
        }
        return inconclusive ? Outcome.INCONCLUSIVE : Outcome.MET;
    }

    /** {@return true only when every dimension was measured and met} */
    public boolean isMet() {
        return outcome() == Outcome.MET;
    }

    /** {@return the dimensions that were missed} */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        for (Check c : checks) {
            if (c.outcome() == Outcome.VIOLATED) {
                out.add(new Violation(stage, c.limit(), c.observed(), c.samples()));
            }
        }
        return out;
    }

    /**
     * Where the budget came from when it was overridden without a rebuild.
     *
     * @return e.g. {@code "system property budget4j.budget.embed"}, or empty
     */
    public Optional<String> overrideSource() {
        return Optional.ofNullable(overrideSource);
    }

    /** {@return true when the budget was replaced by a system property or environment variable} */
    public boolean overridden() {
        return overrideSource != null;
    }

    /**
     * Fails unless the budget was met.
     *
     * @throws AssertionError with {@link #toTable()} when a dimension was violated or inconclusive
     */
    public void assertMet() {
        if (!isMet()) {
            throw new AssertionError(toTable());
        }
    }

    /** {@return a table of every check, one row per dimension, with a heading line} */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("stage '").append(stage).append("' budget ").append(outcome());
        if (overrideSource != null) {
            out.append(" (budget overridden by ").append(overrideSource).append(')');
        }
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"dimension", "limit", "observed", "samples", "outcome", "note"});
        for (Check c : checks) {
            rows.add(new String[] {c.dimension().label(), c.limit().toString(), c.observedText(),
                String.valueOf(c.samples()), c.outcome().name(), c.note()});
        }
        out.append(Tables.render(rows));
        return out.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
