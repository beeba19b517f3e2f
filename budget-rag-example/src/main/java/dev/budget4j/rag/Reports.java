package dev.budget4j.rag;

import dev.budget4j.Budget;
import dev.budget4j.CacheStats;
import dev.budget4j.Check;
import dev.budget4j.Outcome;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Verdict;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.StageBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-stage table, the example's own Markdown summary, and atomic file writes. */
final class Reports {
    static final String[] HEADER = {"stage", "calls", "p50", "p95", "p99", "throughput", "alloc/call", "peak RSS",
        "budget", "verdict"};

    private Reports() {
    }

    static List<String[]> table(RunResult r) {
        return table(r.run());
    }

    /** One row per stage of the run, in its order. */
    static List<String[]> table(Baseline run) {
        List<String[]> rows = new ArrayList<>();
        for (StageBaseline stage : run.stages().values()) {
            StageSnapshot s = stage.snapshot();
            rows.add(new String[] {stage.stage(), String.format(Locale.ROOT, "%,d", s.calls()),
                Format.nanos(s.percentileNanos(50)), Format.nanos(s.percentileNanos(95)),
                Format.nanos(s.percentileNanos(99)), Format.rate(s.throughputPerSecond()),
                Format.bytes(s.allocatedBytesPerCall()), Format.bytes(s.peakRssBytes().orElse(-1)),
                stage.budget().map(Budget::toString).orElse("-"), stage.verdict().map(Reports::verdictText).orElse("-")});
        }
        return rows;
    }

    /** The run's peak RSS (sampled) and the kernel's high-water mark, one line. */
    static String runRss(RunResult r) {
        return "peak RSS of the run " + Format.bytes(r.peakRssBytes()) + " (OSHI, sampled every 10 ms); kernel's VmHWM "
                + Format.bytes(r.kernelPeakRssBytes()) + " (whole process, model loading included)";
    }

    static String verdictText(Verdict verdict) {
        Outcome o = verdict.outcome();
        if (o == Outcome.MET) {
            return "MET";
        }
        List<String> why = new ArrayList<>();
        for (Check c : verdict.checks()) {
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

    /**
     * When {@code query.search} missed its budget in the run: the violation and the rung that
     * met it in situ ({@link QueryLadder#violationNote}).
     *
     * @param r the run
     * @return the note, or empty when the budget was met
     */
    static java.util.Optional<String> searchNote(RunResult r) {
        return r.run().stage("query.search").flatMap(StageBaseline::verdict)
                .flatMap(v -> QueryLadder.violationNote(r.query(), v));
    }

    static String markdown(RunResult r) {
        StringBuilder out = new StringBuilder();
        out.append("# budget4j RAG example\n\n");
        out.append(String.format(Locale.ROOT, "%,d documents, %,d chunks, %,d questions, kernels `%s` (ingest) and `%s` (query),"
                + " wall %s%n%n", r.docs(), r.chunks(), r.questions().size(), r.ingestBackend(), r.backend(),
                Format.nanos(r.wallNanos())));
        out.append(runRss(r)).append("\n\n");
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
        out.append("\n## Query backend\n\n").append(r.query().rung()).append(", ").append(r.query().reason())
                .append("\n\n```\n").append(r.query().ladder().toTable()).append("```\n\n")
                .append(r.query().recall()).append('\n');
        searchNote(r).ifPresent(n -> out.append("\n**").append(n).append("**\n"));
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
        return out.toString();
    }

    /** Temporary files are created owner-only; a report is for everyone who can read the directory. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes through a temporary file in the same directory, then moves it into place. */
    static void writeAtomically(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                readableByAll(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
