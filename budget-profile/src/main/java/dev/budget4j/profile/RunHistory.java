package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.BaselineJson;
import dev.budget4j.profile.internal.JsonReader;
import dev.budget4j.profile.internal.JsonWriter;
import dev.budget4j.profile.internal.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run history: one JSON line per run (JSON Lines), each with the run's time, commit and the
 * summary figures of every stage (no histograms, so the file stays small). {@link #append}
 * rewrites the file atomically, so a crash never leaves half a line.
 */
public final class RunHistory {
    /** The figures kept per stage and run, by label. */
    public static final List<String> FIGURES = List.of("p50", "p95", "p99", "p99.9", "throughput", "alloc", "rss");

    private RunHistory() {
    }

    /**
     * One run in a history.
     *
     * @param createdAt when the run was made
     * @param gitCommit the commit, or null
     * @param kernelBackend the kernel backend, or null
     * @param stages per stage, figures by label ({@link #FIGURES}): nanoseconds, calls per
     *     second, bytes per call, bytes; NaN when not measured
     */
    public record Entry(Instant createdAt, String gitCommit, String kernelBackend, Map<String, Map<String, Double>> stages) {

        /**
         * Copies the map.
         *
         * @param createdAt see the record description
         * @param gitCommit see the record description
         * @param kernelBackend see the record description
         * @param stages see the record description
         */
        public Entry {
            Require.notNull(createdAt, "createdAt");
            Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
            Require.notNull(stages, "stages").forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            stages = Collections.unmodifiableMap(copy);
        }

        /** {@return the commit, when known} */
        public Optional<String> commit() {
            return Optional.ofNullable(gitCommit);
        }

        /**
         * The summary of a run: medians across rounds of each figure.
         *
         * @param run the run, not null
         * @return the entry
         */
        public static Entry of(Baseline run) {
            Require.notNull(run, "run");
            Map<String, Map<String, Double>> stages = new LinkedHashMap<>();
            for (StageBaseline s : run.stages().values()) {
                Map<String, Double> f = new LinkedHashMap<>();
                for (String label : FIGURES) {
                    f.put(label, Summary.of(s.perRound(dev.budget4j.Dimension.ofLabel(label))).median());
                }
                stages.put(s.stage(), f);
            }
            return new Entry(run.createdAt(), run.gitCommit().orElse(null), run.kernelBackend().orElse(null), stages);
        }
    }

    /**
     * Adds a run to the end of a history file, creating it when missing. The file is rewritten
     * atomically.
     *
     * @param file the history file, not null
     * @param run the run, not null
     * @throws BaselineFormatException when the existing file is corrupt or exceeds a read limit
     *     (see {@link #read}); it is left as it was
     * @throws IOException when the file cannot be read or written
     */
    public static void append(Path file, Baseline run) throws IOException {
        Require.notNull(file, "file");
        Entry entry = Entry.of(run);
        StringBuilder text = new StringBuilder();
        if (Files.exists(file)) {
            String existing = ReadLimits.readText(file, "run history file");
            entries(file, existing);
            text.append(existing);
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        text.append(JsonWriter.writeLine(toMap(entry))).append('\n');
        AtomicFiles.writeAtomically(file, text.toString());
    }

    private static Map<String, Object> toMap(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("createdAt", e.createdAt().toString());
        m.put("gitCommit", e.gitCommit());
        m.put("kernelBackend", e.kernelBackend());
        Map<String, Object> stages = new LinkedHashMap<>();
        e.stages().forEach((k, v) -> stages.put(k, new LinkedHashMap<String, Object>(v)));
        m.put("stages", stages);
        return m;
    }

    /**
     * Reads every run of a history file, oldest first. The file is UTF-8 text of at most 64 MiB;
     * each line is held to the JSON limits listed on {@link BaselineFormatException}.
     *
     * @param file the file, not null
     * @return the runs
     * @throws BaselineFormatException naming the file and line when a line is not a history entry,
     *     and naming the file when it is a directory, not UTF-8 or over a limit
     * @throws IOException when the file cannot be read
     */
    public static List<Entry> read(Path file) throws IOException {
        Require.notNull(file, "file");
        return entries(file, ReadLimits.readText(file, "run history file"));
    }

    private static List<Entry> entries(Path file, String text) throws BaselineFormatException {
        List<Entry> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = JsonReader.parse(line);
            } catch (IllegalArgumentException e) {
                throw new BaselineFormatException(file, "line " + (i + 1) + " " + e.getMessage());
            }
            try {
                out.add(entry(parsed));
            } catch (IllegalArgumentException e) {
                throw new BaselineFormatException(file, "line " + (i + 1) + " is not a run history entry: " + e.getMessage());
            }
        }
        return out;
    }

    private static Entry entry(Object parsed) {
        Map<String, Object> m = BaselineJson.object(parsed, "the line");
        Map<String, Object> stagesObj = BaselineJson.object(m.get("stages"), "stages");
        Map<String, Map<String, Double>> stages = new LinkedHashMap<>();
        for (Map.Entry<String, Object> s : stagesObj.entrySet()) {
            String stage = "stage '" + ReadLimits.name(s.getKey()) + "'";
            Map<String, Double> f = new LinkedHashMap<>();
            for (Map.Entry<String, Object> x : BaselineJson.object(s.getValue(), stage).entrySet()) {
                Object v = x.getValue();
                if (v != null && !(v instanceof Number)) {
                    throw new IllegalArgumentException(stage + " figure " + ReadLimits.excerpt(x.getKey())
                            + " must be a number or null, but was " + BaselineJson.describe(v));
                }
                f.put(x.getKey(), v == null ? Double.NaN : ((Number) v).doubleValue());
            }
            stages.put(s.getKey(), f);
        }
        return new Entry(BaselineJson.instant(m, "createdAt"), str(m.get("gitCommit")), str(m.get("kernelBackend")), stages);
    }

    private static String str(Object o) {
        return o instanceof String ? (String) o : null;
    }
}
