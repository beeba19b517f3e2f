package dev.budget4j.junit.internal;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import dev.budget4j.Verdict;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.HarnessResult;
import dev.budget4j.profile.OshiMemoryProbe;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures one stage of a {@code @BudgetedTest}, publishes its figures and decides the test:
 * the work shared by a method body and a {@code StageRunner} stage.
 */
public final class Measurement {
    private final Settings settings;
    private final boolean record;
    private final String recordHint;
    private final Consumer<Map<String, String>> publisher;

    /**
     * @param settings the test's settings
     * @param record write the baseline file instead of comparing with it
     * @param recordHint how to record a baseline, for messages
     * @param publisher publishes report entries
     */
    public Measurement(Settings settings, boolean record, String recordHint, Consumer<Map<String, String>> publisher) {
        this.settings = settings;
        this.record = record;
        this.recordHint = recordHint;
        this.publisher = publisher;
    }

    /**
     * Measures, publishes, then decides.
     *
     * @param stage the stage
     * @param inputs the input supplier
     * @param <I> the input type
     * @return the run, when the test passes
     * @throws AssertionError when the stage fails the test (see {@link Judgement})
     */
    public <I> HarnessResult run(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs) {
        AtomicReference<Throwable> first = new AtomicReference<>();
        Stage<I, Object> watched = Stage.of(stage.name(), input -> {
            try {
                return stage.apply(input);
            } catch (RuntimeException e) {
                first.compareAndSet(null, e);
                throw e;
            }
        });
        Budget budget = settings.budget();
        HarnessResult result;
        if (budget != null && budget.needsMemoryProbe()) {
            try (OshiMemoryProbe probe = new OshiMemoryProbe()) {
                result = settings.harness(probe).run(watched, inputs);
            }
        } else {
            result = settings.harness(null).run(watched, inputs);
        }
        Verdict verdict = budget == null ? null : result.evaluate(budget);
        GateReport gate = null;
        String recorded = null;
        if (settings.baseline() != null) {
            if (record) {
                recorded = BaselineFiles.record(settings, result, budget).toString();
            } else {
                gate = BaselineFiles.compare(settings, result, recordHint);
            }
        }
        publisher.accept(Figures.of(settings, result, verdict, gate, recorded));
        long failures = result.rounds().stream().mapToLong(r -> r.failures()).sum();
        Judgement.decide(settings, result.stage(), verdict, gate, result.snapshot().calls(), failures, unwrap(first.get()));
        return result;
    }

    /** A method body's checked exception reaches the harness wrapped; the test wants the original. */
    private static Throwable unwrap(Throwable t) {
        return t instanceof MethodBody.Thrown ? t.getCause() : t;
    }
}
