package dev.budget4j.spark;

import dev.budget4j.Outcome;
import dev.budget4j.Recording;
import dev.budget4j.StageReport;
import dev.budget4j.Verdict;
import dev.budget4j.profile.Baseline;
import dev.budget4j.spark.internal.SparkBaselines;
import dev.budget4j.spark.internal.StageConfig;
import dev.budget4j.spark.internal.StageTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What the driver knows after a Spark run: per stage the merged recording of every task on every
 * executor, its verdict against the budget (percentiles over all calls, not averages of per-task
 * percentiles; throughput over the span from the first call anywhere to the last), a report line,
 * and the run as a {@link Baseline} for the gate. Immutable; made by {@link SparkBudgets#report()}.
 */
public final class SparkReport {
    private final Map<String, Recording> recordings;
    private final Map<String, Verdict> verdicts;
    private final Map<String, StageTally> tallies;

    private SparkReport(Map<String, Recording> recordings, Map<String, Verdict> verdicts, Map<String, StageTally> tallies) {
        this.recordings = Collections.unmodifiableMap(recordings);
        this.verdicts = Collections.unmodifiableMap(verdicts);
        this.tallies = tallies;
    }

    static SparkReport of(Map<String, StageConfig> declared, Map<String, StageTally> tallies) {
        for (StageTally t : tallies.values()) {
            if (t.conflict() != null) {
                throw new IllegalArgumentException(t.conflict() + "; one run must hold stage '" + t.stage()
                        + "' to one budget (look for a budget4j.budget." + t.stage() + " override on some executors)");
            }
        }
        Map<String, Recording> recordings = new LinkedHashMap<>();
        declared.forEach((name, config) -> {
            StageTally t = tallies.get(name);
            recordings.put(name, t != null ? t.merged() : empty(name, config));
        });
        tallies.forEach((name, t) -> recordings.putIfAbsent(name, t.merged()));
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        recordings.forEach((name, r) -> {
            if (r.budget().isPresent()) {
                verdicts.put(name, r.evaluate());
            }
        });
        return new SparkReport(recordings, verdicts, new LinkedHashMap<>(tallies));
    }

    private static Recording empty(String name, StageConfig config) {
        Histogram h = new Histogram(Recording.PRECISION);
        Instant now = Instant.now();
        long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return Recording.of(name, config.budget(), h, 0, OptionalLong.empty(), epochNanos, epochNanos, OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** {@return per stage, every task's calls merged; declared stages first, in declaration order} */
    public Map<String, Recording> recordings() {
        return recordings;
    }

    /** {@return per stage, the merged recording checked against its budget} */
    public Map<String, Verdict> verdicts() {
        return verdicts;
    }

    /** {@return one report per stage (figures and verdict), in the order of {@link #recordings()}} */
    public List<StageReport> stages() {
        List<StageReport> out = new ArrayList<>();
        verdicts.forEach((name, v) -> out.add(StageReport.of(recordings.get(name))));
        return out;
    }

    /**
     * The run as a root with the stages as its children, e.g. to hang under a larger report tree.
     *
     * @param root the root's name, not blank
     * @param end the stage whose figures and verdict the root carries (usually the last), one of {@link #verdicts()}
     * @return the tree
     * @throws IllegalArgumentException when {@code end} is not a stage of this run
     */
    public StageReport tree(String root, String end) {
        Verdict v = verdicts.get(end);
        if (v == null) {
            throw new IllegalArgumentException("end must be a stage of this run " + verdicts.keySet() + ", but was '" + end + "'");
        }
        return StageReport.tree(root, StageReport.of(recordings.get(end)), stages());
    }

    /**
     * Where a stage's calls came from.
     *
     * @param stage a stage name
     * @return per executor id (in local mode {@code "driver"}), how many tasks called the stage
     *     there, in the order executors were first seen; empty for a stage without calls
     */
    public Map<String, Integer> tasksByExecutor(String stage) {
        StageTally t = tallies.get(stage);
        Map<String, Integer> out = new LinkedHashMap<>();
        if (t != null) {
            t.rounds().forEach((executor, rounds) -> out.put(executor, rounds.size()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@return true when every stage's budget was measured and met} */
    public boolean isMet() {
        return verdicts.values().stream().allMatch(v -> v.outcome() == Outcome.MET);
    }

    /**
     * Fails unless every stage met its budget.
     *
     * @throws AssertionError with {@link #toTable()} when a stage was violated or inconclusive
     */
    public void assertMet() {
        if (!isMet()) {
            throw new AssertionError(toTable());
        }
    }

    /**
     * The run as a baseline: per stage the merged histogram and one fork per executor whose rounds
     * are its tasks; {@code compare} gates it against a baseline of an earlier run. Built on each
     * call (it reads the machine's fingerprint and the working directory's git commit).
     *
     * @return the baseline; stages without calls are left out
     */
    public Baseline baseline() {
        return SparkBaselines.of(tallies);
    }

    /**
     * Renders the report as plain text.
     *
     * @return one line per stage (calls, p50, p99, max, outcome), then each stage's table of
     *     dimensions, then the tasks and executors each stage's calls came from
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        for (StageReport s : stages()) {
            out.append(s);
        }
        for (Verdict v : verdicts.values()) {
            out.append('\n').append(v.toTable());
        }
        out.append('\n');
        tallies.forEach((name, t) -> out.append("stage '").append(name).append("': ").append(t.roundCount())
                .append(" task(s) on ").append(t.rounds().size()).append(" executor(s)\n"));
        return out.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
