package dev.budget4j;

import dev.budget4j.internal.Results;
import java.util.List;

/** The one way into the package-private constructors of {@link Verdict} and {@link StageReport}. */
final class ResultFactory implements Results.Factory {
    @Override
    public Verdict verdict(String stage, Budget budget, List<Check> checks, String overrideSource) {
        return new Verdict(stage, budget, checks, overrideSource);
    }

    @Override
    public StageReport report(String name, StageSnapshot snapshot, Verdict verdict, List<StageReport> children) {
        return new StageReport(name, snapshot, verdict, children);
    }

    @Override
    public String toString() {
        return "budget-core's result factory";
    }
}
