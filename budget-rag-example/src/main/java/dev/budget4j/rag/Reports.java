package dev.budget4j.rag;

import dev.budget4j.CacheStats;
import dev.budget4j.Check;
import dev.budget4j.Outcome;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-stage table and the result files (Markdown, JSON), written atomically. */
final class Reports {
    static final String[] HEADER = {"stage", "calls", "p50", "p95", "p99", "throughput", "alloc/call", "peak RSS",
        "budget", "verdict"};

    private Reports() {
    }

    static List<String[]> table(RunResult r) {
        List<String[]> rows = new ArrayList<>();
        for (StageRow row : r.rows()) {
            StageSnapshot s = row.report().snapshot();
            long rss = s.peakRssBytes().orElse(row.peakRssBytes());
            rows.add(new String[] {row.report().name(), String.format(Locale.ROOT, "%,d", s.calls()),
                Format.nanos(s.percentileNanos(50)), Format.nanos(s.percentileNanos(95)),
                Format.nanos(s.percentileNanos(99)), Format.rate(s.throughputPerSecond()),
                Format.bytes(s.allocatedBytesPerCall()), Format.bytes(rss),
                row.report().verdict().budget().toString(), verdictText(row.report())});
        }
        return rows;
    }

    static String verdictText(StageReport report) {
        Outcome o = report.verdict().outcome();
        if (o == Outcome.MET) {
            return "MET";
        }
        List<String> why = new ArrayList<>();
        for (Check c : report.verdict().checks()) {
            if (c.outcome() != Outcome.MET) {
                why.add(c.dimension().label() + "=" + c.observedText()
                        + (c.outcome() == Outcome.INCONCLUSIVE ? " (too few samples)" : ""));
            }
        }
        return o + " " + String.join(", ", why);
    }

    static String text(List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        int[] w = new int[HEADER.length];
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < all.size(); n++) {
            String[] r = all.get(n);
            for (int i = 0; i < r.length; i++) {
                boolean right = i >= 1 && i <= 7;
                String cell = right ? " ".repeat(w[i] - r[i].length()) + r[i] : r[i] + " ".repeat(w[i] - r[i].length());
                out.append(cell).append(i == r.length - 1 ? "" : "  ");
            }
            out.append('\n');
            if (n == 0) {
                for (int i = 0; i < w.length; i++) {
                    out.append("-".repeat(w[i])).append(i == w.length - 1 ? "" : "  ");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String markdown(RunResult r, List<String> gateLines) {
        StringBuilder out = new StringBuilder();
        out.append("# budget4j RAG example\n\n");
        out.append(String.format(Locale.ROOT, "%,d documents, %,d chunks, %,d questions, backend `%s`, wall %s%n%n",
                r.docs(), r.chunks(), r.questions().size(), r.backend(), Format.nanos(r.wallNanos())));
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        out.append("---|".repeat(HEADER.length)).append('\n');
        for (String[] row : table(r)) {
            out.append("| ");
            for (int i = 0; i < row.length; i++) {
                out.append(i == 8 ? "`" + row[i] + "`" : row[i].replace("|", "\\|")).append(" | ");
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        out.append("\n## Stage tree\n\n```\n");
        r.trees().forEach(t -> out.append(t));
        out.append("```\n");
        CacheStats m = r.chunkMemo();
        out.append(String.format(Locale.ROOT, "%nChunk memo: %,d hits, %,d misses, hit ratio %s%n", m.hits(),
                m.misses(), Format.percent(m.hitRate())));
        if (r.comparison() != null) {
            EmbeddingComparison c = r.comparison();
            out.append(String.format(Locale.ROOT, "%n## Embedding, %d chunks, batch %d%n%n", c.texts(), c.batch()));
            out.append("| mode | per text | speed-up |\n|---|---|---|\n");
            out.append("| library, one call per text | ").append(Format.nanos(c.librarySingleNanosPerText()))
                    .append(" | 1.00x |\n");
            out.append("| library `embedAll` | ").append(Format.nanos(c.libraryBatchNanosPerText()))
                    .append(String.format(Locale.ROOT, " | %.2fx |%n", c.librarySpeedup()));
            out.append("| one ONNX call per batch | ").append(Format.nanos(c.onnxBatchNanosPerText()))
                    .append(String.format(Locale.ROOT, " | %.2fx |%n", c.batchSpeedup()));
            out.append(String.format(Locale.ROOT, "%nLowest cosine, batch vs single: %.5f%n",
                    c.minCosineBatchVsSingle()));
        }
        if (!gateLines.isEmpty()) {
            out.append("\n## Baseline gate\n\n");
            gateLines.forEach(l -> out.append("- ").append(l).append('\n'));
        }
        return out.toString();
    }

    static String json(RunResult r) {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"docs\": ").append(r.docs()).append(",\n  \"chunks\": ").append(r.chunks())
                .append(",\n  \"questions\": ").append(r.questions().size())
                .append(",\n  \"backend\": \"").append(esc(r.backend())).append("\",\n  \"wallNanos\": ")
                .append(r.wallNanos()).append(",\n  \"stages\": [\n");
        for (int i = 0; i < r.rows().size(); i++) {
            StageRow row = r.rows().get(i);
            StageSnapshot s = row.report().snapshot();
            out.append(String.format(Locale.ROOT,
                    "    {\"stage\": \"%s\", \"group\": \"%s\", \"calls\": %d, \"p50Nanos\": %d, \"p95Nanos\": %d,"
                            + " \"p99Nanos\": %d, \"maxNanos\": %d, \"throughputPerSecond\": %s,"
                            + " \"allocBytesPerCall\": %s, \"peakRssBytes\": %d, \"budget\": \"%s\","
                            + " \"outcome\": \"%s\"}%s%n",
                    esc(row.report().name()), esc(row.group()), s.calls(), s.percentileNanos(50),
                    s.percentileNanos(95), s.percentileNanos(99), s.maxNanos(), num(s.throughputPerSecond()),
                    num(s.allocatedBytesPerCall()), s.peakRssBytes().orElse(row.peakRssBytes()),
                    esc(row.report().verdict().budget().toString()), row.report().verdict().outcome(),
                    i == r.rows().size() - 1 ? "" : ","));
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Writes through a temporary file in the same directory, then moves it into place. */
    static void writeAtomically(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
