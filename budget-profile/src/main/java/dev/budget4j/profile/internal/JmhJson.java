package dev.budget4j.profile.internal;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.MachineFingerprint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JMH's JSON result files ({@code -rf json}) as {@link Baseline}s, one stage per entry; the
 * mapping is described on {@link dev.budget4j.profile.JmhResults}. Every problem is a
 * {@link BaselineFormatException} naming the file, the entry and the field.
 */
public final class JmhJson {
    /** What the fingerprint says for what JMH does not record: the processor and the system. */
    static final String NOT_RECORDED = "unknown (not recorded by JMH)";

    private static final List<String> REQUIRED = List.of("benchmark", "mode", "primaryMetric");

    private JmhJson() {
    }

    /**
     * Reads a JMH result file.
     *
     * @param file the file, not null
     * @return the run: one stage per entry, created at the file's last-modified time, no git commit
     * @throws BaselineFormatException naming the file, the entry and the problem
     * @throws IOException when the file cannot be read
     */
    public static Baseline read(Path file) throws IOException {
        Object parsed = JsonReader.read(file, "JMH result file");
        if (!(parsed instanceof List)) {
            throw new BaselineFormatException(file, "is not a JMH result file: JMH writes a JSON array of benchmark results"
                    + " (-rf json), but this JSON is " + BaselineJson.describe(parsed));
        }
        List<?> entries = (List<?>) parsed;
        if (entries.isEmpty()) {
            throw new BaselineFormatException(file, "holds no benchmark results: the JSON array is empty");
        }
        List<JmhEntry> converted = new ArrayList<>();
        HistogramAllowance allowance = HistogramAllowance.forOneFile();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "entry " + (i + 1) + " of " + entries.size();
            Object e = entries.get(i);
            if (!(e instanceof Map)) {
                throw new BaselineFormatException(file, where + " must be a JSON object, but was " + BaselineJson.describe(e));
            }
            Object benchmark = ((Map<?, ?>) e).get("benchmark");
            if (benchmark instanceof String) {
                where += " (benchmark " + ReadLimits.name((String) benchmark) + ")";
            }
            JmhEntry entry;
            try {
                entry = JmhEntry.of(BaselineJson.object(e, where), allowance);
            } catch (IllegalArgumentException ex) {
                throw new BaselineFormatException(file, where + ": " + ex.getMessage());
            }
            Integer earlier = seen.putIfAbsent(entry.stageName, i);
            if (earlier != null) {
                throw new BaselineFormatException(file, "entries " + (earlier + 1) + " and " + (i + 1) + " both give stage '"
                        + ReadLimits.name(entry.stageName) + "' (modes " + converted.get(earlier).mode + " and " + entry.mode + "): a stage"
                        + " name (benchmark and params) must be unique in a file, so run one mode per file (-bm)");
            }
            converted.add(entry);
        }
        Map<String, Object> first = BaselineJson.object(entries.get(0), "entry 1");
        Baseline.Builder b = Baseline.builder().createdAt(Files.getLastModifiedTime(file).toInstant()).gitCommit(null)
                .machine(machine(first)).note(note(first.get("jmhVersion"), converted));
        converted.forEach(c -> b.stage(c.stage));
        return b.build();
    }

    /**
     * Whether a file is a JMH result file: its first non-blank character is {@code [} (read
     * without parsing the rest), and it parses as a non-empty array of objects that each have
     * {@code benchmark}, {@code mode} and {@code primaryMetric}.
     *
     * @param file the file, not null
     * @return false also when the file cannot be read
     */
    public static boolean isJmh(Path file) {
        try {
            if (!startsWithArray(file)) {
                return false;
            }
            Object parsed = JsonReader.read(file, "JMH result file");
            return parsed instanceof List && !((List<?>) parsed).isEmpty() && ((List<?>) parsed).stream()
                    .allMatch(e -> e instanceof Map && ((Map<?, ?>) e).keySet().containsAll(REQUIRED));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the first byte that is not JSON whitespace (nor part of a UTF-8 byte-order mark) is
     * {@code [}; reads only up to that byte. A budget4j baseline is a JSON object, so only a JMH
     * result file (or a broken one) starts with an array.
     *
     * @param file the file, not null
     * @return true when the file starts with {@code [}
     * @throws IOException when the file cannot be read
     */
    public static boolean startsWithArray(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c;
            while ((c = in.read()) != -1) {
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return c == '[';
                }
            }
            return false;
        }
    }

    /** JMH records the JVM but not the machine: vmName stands for the vendor, vmVersion for the version. */
    private static MachineFingerprint machine(Map<String, Object> first) {
        String vm = first.get("vmName") instanceof String ? (String) first.get("vmName") : "unknown";
        Object version = first.get("vmVersion") instanceof String ? first.get("vmVersion") : first.get("jdkVersion");
        return new MachineFingerprint(NOT_RECORDED, 0, 0, 0, NOT_RECORDED, vm,
                version instanceof String ? (String) version : "unknown");
    }

    /** e.g. {@code imported from JMH 1.37 (avgt mode, 3 forks × 5 iterations)}. */
    private static String note(Object jmhVersion, List<JmhEntry> entries) {
        Set<String> modes = new LinkedHashSet<>();
        IntSummaryStatistics forks = new IntSummaryStatistics();
        IntSummaryStatistics iterations = new IntSummaryStatistics();
        for (JmhEntry e : entries) {
            modes.add(e.mode);
            forks.accept(e.iterationsPerFork.size());
            e.iterationsPerFork.forEach(iterations::accept);
        }
        String version = jmhVersion instanceof String ? (String) jmhVersion : "(version not recorded)";
        return "imported from JMH " + version + " (" + String.join(", ", modes) + (modes.size() == 1 ? " mode, " : " modes, ")
                + count(forks, "fork") + " \u00d7 " + count(iterations, "iteration") + ")";
    }

    private static String count(IntSummaryStatistics s, String noun) {
        String n = s.getMin() == s.getMax() ? String.valueOf(s.getMin()) : s.getMin() + "-" + s.getMax();
        return n + " " + noun + (s.getMax() == 1 ? "" : "s");
    }
}
