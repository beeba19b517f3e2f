package dev.budget4j.internal;

import dev.budget4j.Budget;
import dev.budget4j.Check;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.internal.util.Require;
import java.util.List;

/**
 * Makes verdicts and reports, whose constructors are not public so that only budget-core's own
 * evaluation makes them: a caller cannot forge a verdict that says MET. The constructors' package
 * installs the {@link Factory} when {@link Verdict} loads, as the JDK's shared secrets do.
 */
public final class Results {
    private static volatile Factory factory;

    private Results() {
    }

    /** Calls the package-private constructors of {@link Verdict} and {@link StageReport}. */
    public interface Factory {
        /** {@return {@code new Verdict(stage, budget, checks, overrideSource)}} */
        Verdict verdict(String stage, Budget budget, List<Check> checks, String overrideSource);

        /** {@return {@code new StageReport(name, snapshot, verdict, children)}} */
        StageReport report(String name, StageSnapshot snapshot, Verdict verdict, List<StageReport> children);
    }

    /**
     * Installs the factory; called once, by {@link Verdict}'s static initializer.
     *
     * @throws IllegalStateException when a factory is already installed
     */
    public static synchronized void install(Factory f) {
        if (factory != null) {
            throw new IllegalStateException("the results factory must be installed once, but was already " + factory);
        }
        factory = Require.notNull(f, "factory");
    }

    /** A verdict of {@code checks}, one per limit of {@code budget}; {@code overrideSource} may be null. */
    public static Verdict verdict(String stage, Budget budget, List<Check> checks, String overrideSource) {
        return factory().verdict(stage, budget, checks, overrideSource);
    }

    /** A report of a budgeted stage's own figures and verdict, with its budgeted parts' reports. */
    public static StageReport report(String name, StageSnapshot snapshot, Verdict verdict, List<StageReport> children) {
        return factory().report(name, snapshot, verdict, children);
    }

    private static Factory factory() {
        Factory f = factory;
        if (f == null) {
            try {
                Class.forName(Verdict.class.getName(), true, Verdict.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
        }
        return f;
    }
}
