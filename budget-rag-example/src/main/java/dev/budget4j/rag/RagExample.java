package dev.budget4j.rag;

import dev.budget4j.Outcome;
import dev.budget4j.StageReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The example's entry point: ingests Europarl documents, asks questions, and prints every
 * stage's figures against its budget.
 *
 * <p>Exit status: 0 on success; 1 with {@code --gate} when a budget or the baseline gate fails;
 * 2 on a bad command line.
 */
public final class RagExample {
    private RagExample() {
    }

    /**
     * Runs the example.
     *
     * @param args see {@link Options#USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the example and returns the exit status instead of exiting.
     *
     * @param args the command line
     * @param out where the report goes
     * @param err where errors and progress go
     * @return 0, 1 or 2 as described on the class
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(Options.USAGE);
            return 2;
        }
        if (o.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        BudgetFile budgets;
        ScoringBackend backend;
        try {
            budgets = o.budgets() == null ? BudgetFile.defaults() : BudgetFile.read(o.budgets());
            backend = Backends.scoring(o.backend());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.print(Options.USAGE);
            return 2;
        }
        Path outDir = o.out() == null ? defaultOutDir() : o.out();
        out.printf(Locale.ROOT, "budget4j RAG example: %,d Europarl documents, chunks of %d code points (overlap %d),"
                + " batch %d, backend %s, budgets from %s%n", o.docs(), o.chunkSize(), o.overlap(), o.batch(),
                backend.name(), budgets.source());
        out.println("loading all-MiniLM-L6-v2 (quantized, 384 dimensions) ...");
        RunResult r;
        try (Embedder embedder = new OnnxBatchEmbedder();
                Embedder library = o.compare() > 0 ? new LibraryEmbedder() : null) {
            r = new RagPipeline(o, budgets, embedder, library, backend, Backends.chunker(o.backend()), err).run();
        }
        print(r, out);
        List<String> gateLines = new ArrayList<>();
        boolean gateFailed = false;
        Path baselineFile = outDir.resolve("baseline.json");
        if (o.baseline() != null) {
            Baseline.Comparison cmp = Baseline.compare(Baseline.read(o.baseline()), r);
            gateLines.addAll(cmp.lines());
            gateFailed = !cmp.passed();
            out.println();
            out.println("Baseline gate against " + o.baseline() + ": " + (cmp.passed() ? "PASSED" : "FAILED"));
            cmp.lines().forEach(l -> out.println("  " + l));
        }
        Reports.writeAtomically(outDir.resolve("report.md"), Reports.markdown(r, gateLines));
        Reports.writeAtomically(outDir.resolve("report.json"), Reports.json(r));
        if (o.saveBaseline()) {
            Reports.writeAtomically(baselineFile, Baseline.json(r));
            out.println("saved baseline " + baselineFile);
        }
        out.println("reports: " + outDir.resolve("report.md") + ", " + outDir.resolve("report.json"));
        boolean budgetFailed = r.rows().stream()
                .anyMatch(row -> row.report().verdict().outcome() == Outcome.VIOLATED);
        if (o.gate() && (budgetFailed || gateFailed)) {
            err.println("gate: FAILED (" + (budgetFailed ? "a budget was violated" : "")
                    + (budgetFailed && gateFailed ? "; " : "") + (gateFailed ? "the baseline gate failed" : "") + ")");
            return 1;
        }
        if (o.gate()) {
            out.println("gate: PASSED");
        }
        return 0;
    }

    static void print(RunResult r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%,d documents -> %,d chunks; %,d questions; wall %s%n", r.docs(), r.chunks(),
                r.questions().size(), Format.nanos(r.wallNanos()));
        for (int i = 0; i < Math.min(3, r.questions().size()); i++) {
            out.println("  Q: " + r.questions().get(i));
            for (Hit h : r.hits().get(i).subList(0, Math.min(2, r.hits().get(i).size()))) {
                out.printf(Locale.ROOT, "     %.3f %s%n", h.score(), h.chunkId());
            }
        }
        out.println();
        out.println("Per stage (latency per call; alloc = heap bytes allocated by the calling thread):");
        out.print(Reports.text(Reports.table(r)));
        out.println();
        out.println("Stage tree:");
        for (StageReport t : r.trees()) {
            out.print(t);
        }
        out.printf(Locale.ROOT, "%nChunk memo (by document id, content hash, size): %,d hits, %,d misses,"
                + " hit ratio %s%n", r.chunkMemo().hits(), r.chunkMemo().misses(),
                Format.percent(r.chunkMemo().hitRate()));
        EmbeddingComparison c = r.comparison();
        if (c != null) {
            out.printf(Locale.ROOT, "%nEmbedding %d chunks, batch %d (wall time per text):%n", c.texts(), c.batch());
            out.printf(Locale.ROOT, "  library, one call per text   %10s  1.00x%n",
                    Format.nanos(c.librarySingleNanosPerText()));
            out.printf(Locale.ROOT, "  library embedAll             %10s  %.2fx%n",
                    Format.nanos(c.libraryBatchNanosPerText()), c.librarySpeedup());
            out.printf(Locale.ROOT, "  one ONNX call per batch      %10s  %.2fx%n",
                    Format.nanos(c.onnxBatchNanosPerText()), c.batchSpeedup());
            out.printf(Locale.ROOT, "  lowest cosine batch vs single: %.5f (allowed >= %.2f)%n",
                    c.minCosineBatchVsSingle(), OnnxBatchEmbedder.MIN_BATCH_COSINE);
        }
    }

    /** {@code target/rag-report} beside the jar when run from {@code target/}, else under the working directory. */
    static Path defaultOutDir() {
        try {
            Path jar = Path.of(RagExample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
            if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
                return dir.resolve("rag-report");
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("target", "rag-report");
    }
}
