package dev.budget4j.profile;

import dev.budget4j.Recording;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.HlogCodec;
import dev.budget4j.profile.internal.ReadLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Budgeted stages' recordings in HdrHistogram's interval log format ({@code .hlog}, log format
 * version 1.3): one interval histogram per line, tagged with the stage's name, readable by
 * HdrHistogram's own {@code HistogramLogReader} and log processing tools. Before each interval a
 * {@code #budget4j} comment line carries what the histogram cannot: failures, allocation, RSS, the
 * exact span in nanoseconds and the budget; tools that do not know it skip it as a comment.
 *
 * <pre>{@code
 * List<Recording> intervals = new ArrayList<>();
 * intervals.add(Recording.interval(tokenize));          // e.g. once a minute, per stage
 * RecordingLog.write(Path.of("perf/instance-7.hlog"), intervals);
 * Baseline fleet = RecordingLog.toBaseline(RecordingLog.read(Path.of("perf/instance-7.hlog")));
 * }</pre>
 *
 * <p>Latencies are nanoseconds; tags are the stage names with every character outside
 * {@code [A-Za-z0-9._~-]} percent-encoded (HdrHistogram tags may hold no spaces or commas).
 * A log written by another program reads too: its intervals have no failures, no allocation, no
 * budget, and the stage name of their tag ({@code default} when untagged).
 */
public final class RecordingLog {
    private RecordingLog() {
    }

    /**
     * Writes intervals to a log, atomically (a temporary file, then a move): a reader sees the
     * old file or the whole new one.
     *
     * @param file the log file, not null
     * @param intervals the intervals in the order to write, not null (may be empty)
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<Recording> intervals) throws IOException {
        Require.notNull(file, "file");
        Require.notNull(intervals, "intervals");
        AtomicFiles.writeAtomically(file, HlogCodec.write(intervals, MachineFingerprint.current()));
    }

    /**
     * Reads a log: UTF-8 text of at most 64 MiB (see {@link BaselineFormatException}).
     *
     * @param file the log, not null
     * @return its intervals, in file order
     * @throws BaselineFormatException naming the file, the line and the problem: a corrupt or
     *     truncated histogram, a histogram of another precision, a malformed {@code #budget4j} line;
     *     or naming the file when it is a directory, not UTF-8 or larger than 64 MiB
     * @throws IOException when the file cannot be read
     */
    public static List<Recording> read(Path file) throws IOException {
        return read(file, lines(file));
    }

    private static List<Recording> read(Path file, List<String> lines) throws BaselineFormatException {
        try {
            return HlogCodec.read(lines);
        } catch (IllegalArgumentException e) {
            throw new BaselineFormatException(file, e.getMessage());
        }
    }

    /** The log's lines: UTF-8 text of at most 64 MiB. */
    private static List<String> lines(Path file) throws IOException {
        Require.notNull(file, "file");
        return ReadLimits.readText(file, "interval log").lines().toList();
    }

    /**
     * Reads a log as one JVM's run ({@link #toBaseline}); the machine is the one the log's header
     * names, or an unknown machine for a log written by another program.
     *
     * @param file the log, not null
     * @return the run
     * @throws BaselineFormatException naming the file, the line and the problem
     * @throws IOException when the file cannot be read
     */
    public static Baseline readBaseline(Path file) throws IOException {
        List<String> lines = lines(file);
        List<Recording> intervals = read(file, lines);
        if (intervals.isEmpty()) {
            throw new BaselineFormatException(file, "holds no interval histograms");
        }
        try {
            MachineFingerprint m = HlogCodec.machine(lines);
            return toBaseline(intervals, m == null ? new MachineFingerprint("unknown", 0, 0, 0, "unknown", "unknown", "unknown") : m);
        } catch (IllegalArgumentException e) {
            throw new BaselineFormatException(file, e.getMessage());
        }
    }

    /**
     * One JVM's intervals as a run: per stage one fork whose rounds are the stage's intervals, the
     * histograms merged, failures and allocation summed, the wall time the sum of the intervals.
     *
     * @param intervals intervals of one JVM, not empty
     * @param machine the machine they ran on, not null
     * @return the run; created at the earliest interval's start, no git commit
     * @throws IllegalArgumentException when one stage's intervals carry different budgets
     */
    public static Baseline toBaseline(List<Recording> intervals, MachineFingerprint machine) {
        Require.notEmpty(intervals, "intervals");
        Require.notNull(machine, "machine");
        Map<String, List<Recording>> byStage = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        for (Recording r : intervals) {
            byStage.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(r);
            first = Math.min(first, r.startEpochNanos());
        }
        Baseline.Builder b = Baseline.builder().createdAt(Instant.ofEpochSecond(0, first)).gitCommit(null).machine(machine);
        byStage.forEach((stage, list) -> b.stage(stage(stage, list)));
        return b.build();
    }

    private static StageBaseline stage(String name, List<Recording> intervals) {
        Recording all = intervals.get(0);
        for (int i = 1; i < intervals.size(); i++) {
            all = all.merge(intervals.get(i)); // refuses a second budget, naming both
        }
        List<StageSnapshot> rounds = new ArrayList<>();
        long elapsed = 0;
        for (Recording r : intervals) {
            rounds.add(r.snapshot());
            elapsed += r.endEpochNanos() - r.startEpochNanos();
        }
        StageSnapshot.Builder run = StageSnapshot.builder(name, all.histogram()).failures(all.failures())
                .elapsedNanos(elapsed);
        all.allocatedBytes().ifPresent(run::allocatedBytes);
        if (all.peakRssBytes().isPresent() && all.rssGrowthBytes().isPresent()) {
            run.rss(all.peakRssBytes().getAsLong(), all.rssGrowthBytes().getAsLong());
        }
        return StageBaseline.of(run.build(), rounds, all.budget().orElse(null));
    }
}
