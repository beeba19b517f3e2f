package dev.budget4j.profile;

import dev.budget4j.BudgetedStage;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.util.Require;
import dev.budget4j.spi.RssWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a budgeted stage's calls in a real run into rounds, so that the run can be saved as a
 * {@link Baseline} the {@link Gate} compares round by round, as it compares a {@link Harness}
 * run. Each cut takes the stage's {@link BudgetedStage#intervalSnapshot()}: the calls since the
 * previous cut, or since the stage was built.
 *
 * <pre>{@code
 * Rounds rounds = Rounds.of(clean);
 * for (int i = 0; i < docs.size(); i++) {
 *     clean.apply(docs.get(i));
 *     rounds.cutAt(i + 1, docs.size());      // five rounds of like calls
 * }
 * Baseline run = Baseline.builder().stage(rounds.toBaseline()).build();
 * }</pre>
 *
 * <p>A stage's interval snapshots have one reader: cut a stage with one {@code Rounds} only. The
 * methods are safe to call from several threads.
 */
public final class Rounds {
    /** Rounds per stage where its calls allow it: {@value}. */
    public static final int DEFAULT_COUNT = 5;

    private final BudgetedStage<?, ?> stage;
    private final int count;
    private final List<StageSnapshot> rounds = new ArrayList<>();

    private Rounds(BudgetedStage<?, ?> stage, int count) {
        this.stage = Require.notNull(stage, "stage");
        this.count = Require.atLeast(count, 1, "count");
    }

    /**
     * Rounds of a stage, {@value #DEFAULT_COUNT} where its calls allow it.
     *
     * @param stage the stage; its first round starts at its last interval snapshot, or its construction
     * @return the rounds, none cut yet
     */
    public static Rounds of(BudgetedStage<?, ?> stage) {
        return of(stage, DEFAULT_COUNT);
    }

    /**
     * Rounds of a stage, {@code count} where its calls allow it.
     *
     * @param stage the stage; its first round starts at its last interval snapshot, or its construction
     * @param count rounds {@link #cutAt} makes of a pass of calls, {@code >= 1}
     * @return the rounds, none cut yet
     */
    public static Rounds of(BudgetedStage<?, ?> stage, int count) {
        return new Rounds(stage, count);
    }

    /** {@return the rounds {@link #cutAt} makes of one pass of calls, {@code >= 1}} */
    public int count() {
        return count;
    }

    /** Ends the current round; a round without calls is dropped. */
    public synchronized void cut() {
        StageSnapshot s = stage.intervalSnapshot();
        if (s.calls() > 0) {
            rounds.add(s);
        }
    }

    /**
     * Ends the round when call {@code done} of a pass of {@code total} calls closes one of
     * {@link #count()} equal parts (the last part may be shorter).
     *
     * @param done calls made so far in this pass, in [1, total]
     * @param total all calls of this pass, {@code >= 1}
     */
    public void cutAt(long done, long total) {
        Require.atLeast(total, 1, "total");
        Require.that(done >= 1 && done <= total, "done", "must be in [1, total=" + total + "]", done);
        long per = Math.max(1, (total + count - 1) / count);
        if (done % per == 0 || done == total) {
            cut();
        }
    }

    /** {@return the rounds cut so far, in order, each with at least one call} */
    public synchronized List<StageSnapshot> rounds() {
        return List.copyOf(rounds);
    }

    /**
     * Cuts the calls since the last cut as a last round, then takes the stage's report now: its
     * figures over every call and the budget in force (overrides included).
     *
     * @return the stage as a one-fork baseline ({@link StageBaseline#of(StageSnapshot, List, dev.budget4j.Budget)})
     */
    public StageBaseline toBaseline() {
        return toBaseline(null);
    }

    /**
     * As {@link #toBaseline()}, with the peak RSS of the window the stage ran in for a stage that
     * measured none of its own (its budget does not bound {@code rss}).
     *
     * @param window the window around the stage's calls, closed or open (its figures so far), or
     *     null for none
     * @return the stage as a one-fork baseline
     */
    public StageBaseline toBaseline(RssWindow window) {
        cut();
        StageReport report = stage.report();
        StageSnapshot run = report.snapshot();
        if (window != null && run.peakRssBytes().isEmpty()) {
            run = withRss(run, window);
        }
        return StageBaseline.of(run, rounds(), report.verdict().budget());
    }

    private static StageSnapshot withRss(StageSnapshot s, RssWindow window) {
        StageSnapshot.Builder b = StageSnapshot.builder(s.stage(), s.histogram()).failures(s.failures())
                .elapsedNanos(s.elapsedNanos());
        s.allocatedBytes().ifPresent(b::allocatedBytes);
        s.cacheStats().ifPresent(b::cacheStats);
        long peak = window.peakRssBytes();
        return b.rss(peak, Math.max(0, peak - window.startRssBytes())).build();
    }

    @Override
    public synchronized String toString() {
        return "Rounds[" + stage.name() + ": " + rounds.size() + " cut]";
    }
}
