package dev.budget4j.rag;

import dev.budget4j.StageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved run's per-stage figures and the relative gate against it: a stage fails when its p50 or
 * p99 is more than {@value #LATENCY_RATIO}x the baseline's, or its allocation per call more than
 * {@value #ALLOC_RATIO}x. Stages with fewer than {@value #MIN_CALLS} calls are compared on p50
 * only (their p99 is one call).
 */
final class Baseline {
    static final double LATENCY_RATIO = 1.25;
    static final double ALLOC_RATIO = 1.10;
    static final int MIN_CALLS = 100;

    record Figures(long calls, long p50, long p99, double allocPerCall) {
    }

    record Comparison(boolean passed, List<String> lines) {
    }

    private static final Pattern LINE = Pattern.compile(
            "\\{\"stage\": \"([^\"]+)\", \"calls\": (\\d+), \"p50Nanos\": (\\d+), \"p99Nanos\": (\\d+),"
                    + " \"allocBytesPerCall\": ([-0-9.eE]+|null)\\}");

    private Baseline() {
    }

    static String json(RunResult r) {
        StringBuilder out = new StringBuilder("{\n  \"format\": \"budget4j-rag-baseline/1\",\n  \"docs\": ")
                .append(r.docs()).append(",\n  \"stages\": [\n");
        for (int i = 0; i < r.rows().size(); i++) {
            StageSnapshot s = r.rows().get(i).report().snapshot();
            double alloc = s.allocatedBytesPerCall();
            out.append(String.format(Locale.ROOT,
                    "    {\"stage\": \"%s\", \"calls\": %d, \"p50Nanos\": %d, \"p99Nanos\": %d,"
                            + " \"allocBytesPerCall\": %s}%s%n",
                    Reports.esc(s.stage()), s.calls(), s.percentileNanos(50), s.percentileNanos(99),
                    Double.isFinite(alloc) ? String.format(Locale.ROOT, "%.1f", alloc) : "null",
                    i == r.rows().size() - 1 ? "" : ","));
        }
        return out.append("  ]\n}\n").toString();
    }

    static Map<String, Figures> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading baseline " + file, e);
        }
        Map<String, Figures> out = new LinkedHashMap<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            double alloc = m.group(5).equals("null") ? Double.NaN : Double.parseDouble(m.group(5));
            out.put(m.group(1), new Figures(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), alloc));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("baseline " + file + " must list stages, but has none");
        }
        return out;
    }

    static Comparison compare(Map<String, Figures> base, RunResult r) {
        boolean passed = true;
        List<String> lines = new ArrayList<>();
        for (StageRow row : r.rows()) {
            StageSnapshot s = row.report().snapshot();
            Figures b = base.get(s.stage());
            if (b == null) {
                lines.add(s.stage() + ": not in the baseline, skipped");
                continue;
            }
            List<String> fails = new ArrayList<>();
            String p50 = ratio("p50", s.percentileNanos(50), b.p50(), LATENCY_RATIO, fails);
            String p99 = s.calls() >= MIN_CALLS && b.calls() >= MIN_CALLS
                    ? ratio("p99", s.percentileNanos(99), b.p99(), LATENCY_RATIO, fails) : "p99 n/a";
            String alloc = Double.isFinite(b.allocPerCall()) && Double.isFinite(s.allocatedBytesPerCall())
                    ? ratio("alloc", s.allocatedBytesPerCall(), b.allocPerCall(), ALLOC_RATIO, fails) : "alloc n/a";
            passed &= fails.isEmpty();
            lines.add(String.format(Locale.ROOT, "%-20s %s  %s, %s, %s", s.stage(), fails.isEmpty() ? "PASS" : "FAIL",
                    p50, p99, alloc));
        }
        return new Comparison(passed, lines);
    }

    private static String ratio(String what, double now, double base, double limit, List<String> fails) {
        double ratio = base <= 0 ? (now <= 0 ? 1 : Double.POSITIVE_INFINITY) : now / base;
        if (ratio > limit) {
            fails.add(what);
        }
        return String.format(Locale.ROOT, "%s %.2fx%s", what, ratio, ratio > limit ? " (> " + limit + "x)" : "");
    }
}
