package dev.budget4j.rag;

import dev.budget4j.Outcome;
import dev.budget4j.StageReport;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateRun;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageComparison;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import java.util.Map;

/**
 * The example's entry point: ingests Europarl documents, asks questions, and prints every
 * stage's figures against its budget. With {@code --save-baseline} it also measures the gate suite
 * ({@link RagSuite}: the hot stages clean, chunk and query.search) in fresh JVMs and saves it as
 * {@code gate-baseline.json}; with {@code --baseline FILE} it gates the suite against such a file
 * with budget-profile's {@link dev.budget4j.profile.SequentialGate} (forks of the current code until
 * every stage is decided or a time cap), under the rules in {@code gate-rules.properties}. Writes
 * {@code report.html}, {@code report.md} and {@code report.json} (the run against its budgets, and
 * the gate when there is one: {@code gate-report.html}, {@code gate-report.json}) and
 * {@code run.json} (this run as a budget-profile baseline, full histograms included).
 *
 * <p>Exit status: 0 on success; 1 with {@code --gate} when a budget is violated or the gate finds
 * a regression (INCONCLUSIVE does not fail), and for nothing else; 2 on bad input: a bad command
 * line (one line naming the option, then a suggestion or where the usage is), an unreadable or
 * foreign baseline, or a report directory that cannot be written; 3 when a forked JVM fails, on an
 * interruption or an internal error. {@code --help} and {@code --version} exit 0.
 */
public final class RagExample {
    /** File name of the gate suite's baseline that {@code --save-baseline} writes. */
    static final String SAVED_BASELINE = "gate-baseline.json";

    private RagExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
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
     * @return 0, 1, 2 or 3 as described on the class
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /**
     * Runs the example with the gate suite's settings given (tests use tiny ones).
     *
     * @param suite how the suite is measured and gated, or null for {@link SuiteGate#defaults} with
     *     the rules of {@code gate-rules.properties}
     */
    static int run(String[] args, PrintStream out, PrintStream err, SuiteGate suite) {
        CommandLine cl = RagCommand.commandLine(new RagCommand(o -> run(o, out, err, suite)), out, err);
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // execute() hands every exception of the run to the handler; this is a fault of the parser itself.
            err.println("internal error (exit 3; please report it with this trace): " + e);
            e.printStackTrace(err);
            return 3;
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** Runs the example with options already read. */
    @FunctionalInterface
    interface Runner {
        /**
         * @param options the checked options
         * @return the exit status
         */
        int run(Options options);
    }

    private static int run(Options o, PrintStream out, PrintStream err, SuiteGate suite) {
        BudgetFile budgets;
        VectorKernels forced = null;
        SuiteGate suiteGate;
        Baseline saved = null;
        try {
            budgets = o.budgets() == null ? Shipped.budgets() : BudgetFile.read(o.budgets());
            if (o.backend() != null) {
                forced = Backends.byName(o.backend());
            } else if (Backends.forcedByProperty()) {
                forced = Kernels.active();
            }
            suiteGate = suite != null ? suite : SuiteGate.defaults(Shipped.gateRules());
            if (o.baseline() != null) {
                saved = Baseline.read(o.baseline()); // before the run: a bad file costs no minutes
                suiteGate.checkBaseline(saved, o.baseline());
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | BaselineFormatException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: baseline " + o.baseline() + " must be readable, but was not: " + e);
            return 2;
        }
        Path outDir = o.out() == null ? defaultOutDir() : o.out();
        out.printf(Locale.ROOT, "budget4j RAG example: %,d Europarl documents, chunks of %d code points (overlap %d),"
                + " batch %d, budgets from %s%n", o.docs(), o.chunkSize(), o.overlap(), o.batch(), budgets.source());
        out.printf(Locale.ROOT, "kernel backends available: %s; %s%n", String.join(", ", Backends.available()),
                forced == null ? "ingest uses the active one (" + Kernels.active().name() + "), the query stage the"
                        + " ladder's choice" : "forced: " + forced.name());
        for (String name : List.of("vector", "native")) {
            Kernels.unavailableReason(name).ifPresent(why -> out.println("  " + name + " unavailable: " + why));
        }
        if (Options.SPARK.equals(o.engine())) {
            return SparkRun.run(o, budgets, forced, outDir, out, err);
        }

        // The suite first: its forks run while this JVM is still small and idle.
        GateRun suiteRun = null;
        Baseline suiteBaseline = null;
        List<String> childArgs = SuiteGate.childJvmArgs(o.backend());
        try {
            if (saved != null) {
                out.printf(Locale.ROOT, "gate: %s in fresh JVMs against %s: %d to %d forks, time cap %d s (%s) ...%n",
                        suiteGate.stageNames(), o.baseline(), suiteGate.minForks(), suiteGate.maxForks(),
                        suiteGate.maxTime().toSeconds(), suiteGate.describeFork());
                suiteRun = suiteGate.gate(saved, childArgs);
                suiteBaseline = suiteRun.current();
            } else if (o.saveBaseline()) {
                out.printf(Locale.ROOT, "measuring the gate suite %s in %d fresh JVMs (%s) ...%n", suiteGate.stageNames(),
                        suiteGate.baselineForks(), suiteGate.describeFork());
                long t0 = System.nanoTime();
                suiteBaseline = suiteGate.measure(childArgs);
                out.printf(Locale.ROOT, "  measured in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("error: measuring the gate suite in forked JVMs failed: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted while measuring the gate suite in forked JVMs");
            return 3;
        }

        out.println("loading all-MiniLM-L6-v2 (quantized, 384 dimensions) ...");
        RunResult r;
        try (OshiMemoryProbe probe = new OshiMemoryProbe();
                Embedder embedder = new OnnxBatchEmbedder();
                Embedder library = o.compare() > 0 ? new LibraryEmbedder() : null) {
            r = new RagPipeline(o, budgets, embedder, library, forced, probe, err).run();
        }
        print(r, out);

        Baseline current = r.run();
        RunReport budgetReport = RunReport.of(current);
        GateReport gate = suiteRun == null ? null : suiteRun.report();
        if (gate != null) {
            out.println();
            out.println("Gate of " + suiteGate.stageNames() + " (fresh JVMs) against " + o.baseline() + " (rules: "
                    + Shipped.GATE_RULES + "):");
            out.print(gate.toConsoleTable());
            out.println(suiteRun.summary());
        }
        try {
            Reports.writeAtomically(outDir.resolve("report.html"), budgetReport.toHtml());
            String md = Reports.markdown(r) + "\n" + budgetReport.toMarkdown();
            if (gate != null) {
                md += "\n" + gate.toMarkdown() + "\n" + suiteRun.summary() + "\n";
                Reports.writeAtomically(outDir.resolve("gate-report.html"), gate.toHtml());
                Reports.writeAtomically(outDir.resolve("gate-report.json"), gate.toJson());
            }
            Reports.writeAtomically(outDir.resolve("report.md"), md);
            Reports.writeAtomically(outDir.resolve("report.json"), budgetReport.toJson());
            current.write(outDir.resolve("run.json"));
            out.println();
            out.println("reports: " + outDir.resolve("report.html") + " (open in a browser), report.md, report.json"
                    + (gate != null ? ", the gate's gate-report.html and gate-report.json" : "")
                    + "; this run's figures with full histograms: run.json");
            if (o.saveBaseline()) {
                suiteBaseline.write(outDir.resolve(SAVED_BASELINE));
                out.println("saved the gate suite's baseline (" + suiteBaseline.stages().values().iterator().next()
                        .forkCount() + " forks) as " + outDir.resolve(SAVED_BASELINE));
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("error: writing the reports to " + outDir + " failed: " + e.getMessage());
            return 2;
        }
        List<String> violated = budgetReport.verdicts().entrySet().stream()
                .filter(e -> e.getValue().outcome() == Outcome.VIOLATED).map(Map.Entry::getKey).toList();
        boolean budgetFailed = !violated.isEmpty();
        boolean gateFailed = gate != null && !gate.passed();
        if (gate != null) {
            out.println("baseline gate: " + gate.status() + (gate.status() == GateStatus.INCONCLUSIVE
                    ? " (not a failure: an interval straddles its rule; see gate-report.html)" : ""));
        }
        if (o.gate() && (budgetFailed || gateFailed)) {
            List<String> why = new ArrayList<>();
            if (budgetFailed) {
                why.add("a budget was violated: " + String.join(", ", violated));
            }
            if (gateFailed) {
                why.add("the baseline gate found a regression: " + String.join(", ", gate.stages().stream()
                        .filter(s -> s.status() == GateStatus.REGRESSION).map(StageComparison::stage).toList()));
            }
            err.println("gate: FAILED (" + String.join("; ", why) + ")");
            return 1;
        }
        if (o.gate()) {
            out.println("gate: PASSED (every budget met" + (gate != null ? ", no regression against the baseline" : "")
                    + ")");
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
        out.println("Query search: " + r.query().rung() + ", " + r.query().reason());
        out.print(r.query().ladder().toTable());
        out.println(r.query().recall());
        out.println();
        out.println("Per stage (latency per call; alloc = heap bytes allocated by the calling thread):");
        out.print(Reports.text(Reports.table(r)));
        Reports.searchNote(r).ifPresent(n -> out.println("\n" + n));
        out.println();
        out.println("Stage tree:");
        for (StageReport t : r.trees()) {
            out.print(t);
        }
        out.println(Reports.runRss(r));
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
