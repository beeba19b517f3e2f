package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
     * @throws BaselineFormatException when the existing file is corrupt (it is left as it was)
     * @throws IOException when the file cannot be read or written
     */
    public static void append(Path file, Baseline run) throws IOException {
        Require.notNull(file, "file");
        Entry entry = Entry.of(run);
        StringBuilder text = new StringBuilder();
        if (Files.exists(file)) {
            read(file);
            text.append(Files.readString(file, StandardCharsets.UTF_8));
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        text.append(Json.writeLine(toMap(entry))).append('\n');
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
     * Reads every run of a history file, oldest first.
     *
     * @param file the file, not null
     * @return the runs
     * @throws BaselineFormatException naming the file and line when a line is not a history entry
     * @throws IOException when the file cannot be read
     */
    @SuppressWarnings("unchecked")
    public static List<Entry> read(Path file) throws IOException {
        Require.notNull(file, "file");
        List<Entry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Object parsed = Json.parse(line);
                if (!(parsed instanceof Map)) {
                    throw new IllegalArgumentException("must be a JSON object");
                }
                Map<String, Object> m = (Map<String, Object>) parsed;
                Object created = m.get("createdAt");
                if (!(created instanceof String)) {
                    throw new IllegalArgumentException("createdAt must be a string, but was " + created);
                }
                Object stagesObj = m.get("stages");
                if (!(stagesObj instanceof Map)) {
                    throw new IllegalArgumentException("stages must be an object, but was " + stagesObj);
                }
                Map<String, Map<String, Double>> stages = new LinkedHashMap<>();
                for (Map.Entry<String, Object> s : ((Map<String, Object>) stagesObj).entrySet()) {
                    if (!(s.getValue() instanceof Map)) {
                        throw new IllegalArgumentException("stage " + s.getKey() + " must be an object");
                    }
                    Map<String, Double> f = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> x : ((Map<String, Object>) s.getValue()).entrySet()) {
                        Object v = x.getValue();
                        if (v != null && !(v instanceof Number)) {
                            throw new IllegalArgumentException(s.getKey() + "." + x.getKey() + " must be a number or null");
                        }
                        f.put(x.getKey(), v == null ? Double.NaN : ((Number) v).doubleValue());
                    }
                    stages.put(s.getKey(), f);
                }
                out.add(new Entry(Instant.parse((String) created), str(m.get("gitCommit")), str(m.get("kernelBackend")), stages));
            } catch (Json.ParseException | IllegalArgumentException | DateTimeParseException e) {
                throw new BaselineFormatException(file, "line " + (i + 1) + " is not a run history entry: " + e.getMessage());
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o instanceof String ? (String) o : null;
    }
}
