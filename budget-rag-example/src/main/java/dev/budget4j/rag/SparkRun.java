package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Outcome;
import dev.budget4j.StageReport;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.RunReport;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spark.SparkReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --engine spark}: loads the documents on the driver, runs clean, chunk and embed as a
 * Spark job ({@link SparkIngest}), builds the index on the driver and asks the questions there,
 * every stage under its budget from the budget file. Prints the per-stage table (the Spark stages'
 * figures merged over every task by budget-spark) and writes {@code report.md} and
 * {@code run.json} (the Spark stages as a baseline).
 *
 * <p>Left to the local engine: the refresh pass through the chunk memo, the embedding comparison,
 * the query backend ladder (the queries use the forced or the active backend), RSS sampling and
 * the baseline gate.
 */
final class SparkRun {
    /**
     * What a Spark run produced.
     *
     * @param ingest the Spark job's chunks, vectors and report
     * @param run the per-stage figures as a baseline, in pipeline order (the Spark stages' figures merged over every task)
     * @param questions the questions asked
     * @param hits their results
     * @param wallNanos wall time of ingest and queries
     */
    record Result(SparkIngest.Result ingest, Baseline run, List<String> questions, List<List<Hit>> hits,
            long wallNanos) {
    }

    private SparkRun() {
    }

    /** Runs on a session made from the options, prints, writes reports; returns the exit status. */
    static int run(Options o, BudgetFile budgets, VectorKernels forced, Path outDir, PrintStream out,
            PrintStream err) {
        String master = o.master() != null ? o.master()
                : new SparkConf().get("spark.master", Options.DEFAULT_MASTER);
        SparkSession spark = SparkSession.builder().master(master).appName("budget4j RAG example")
                .config("spark.ui.enabled", "false").getOrCreate();
        Result r;
        try {
            out.printf(Locale.ROOT, "engine spark: master %s, default parallelism %d; index and queries on the"
                    + " driver with the %s backend (no ladder)%n", master, spark.sparkContext().defaultParallelism(),
                    (forced != null ? forced : Kernels.active()).name());
            r = run(spark, o, budgets, forced);
        } finally {
            spark.stop();
        }
        print(r, out);
        try {
            Reports.writeAtomically(outDir.resolve("report.md"), "# budget4j RAG example, engine spark\n\n```\n"
                    + Reports.text(Reports.table(r.run())) + "```\n");
            r.ingest().report().baseline().write(outDir.resolve("run.json"));
            out.println();
            out.println("reports: " + outDir.resolve("report.md") + "; the Spark stages as a baseline: run.json");
        } catch (IOException | UncheckedIOException e) {
            err.println("error: writing the reports to " + outDir + " failed: " + e.getMessage());
            return 2;
        }
        List<String> violated = RunReport.of(r.run()).verdicts().entrySet().stream()
                .filter(e -> e.getValue().outcome() == Outcome.VIOLATED).map(Map.Entry::getKey).toList();
        if (o.gate() && !violated.isEmpty()) {
            err.println("gate: FAILED (a budget was violated: " + String.join(", ", violated) + ")");
            return 1;
        }
        if (o.gate()) {
            out.println("gate: PASSED (every budget met)");
        }
        return 0;
    }

    /**
     * Ingests on the session and asks the questions on the driver.
     *
     * @param spark the session
     * @param o the options
     * @param budgets the budgets
     * @param forced the kernel backend for index and queries, or null for the active one
     * @return the figures
     */
    static Result run(SparkSession spark, Options o, BudgetFile budgets, VectorKernels forced) {
        long t0 = System.nanoTime();
        VectorKernels kernels = forced != null ? forced : Kernels.active();
        BudgetedStage<Integer, List<Document>> load = Budgeted.stage(budgets, "load", EuroparlCorpus::read);
        BudgetedStage<SparkIngest.Result, VectorIndex> index = Budgeted.stage(budgets, "index",
                (SparkIngest.Result in) -> VectorIndex.build(in.chunks(), in.vectors(), kernels));
        SparkIngest.Result[] ingested = new SparkIngest.Result[1];
        BudgetedStage<Integer, VectorIndex> ingest = Budgeted.stage(budgets, "ingest", (Integer n) -> {
            List<Document> docs = load.apply(n);
            ingested[0] = SparkIngest.run(spark, docs, budgets, o.chunkSize(), o.overlap(), o.batch());
            return index.apply(ingested[0]);
        });
        VectorIndex idx = ingest.apply(o.docs());

        Embedder embedder = SparkIngest.embedder();
        List<String> questions = Query.questions(idx, o.queries(), o.seed());
        BudgetedStage<String, float[]> queryEmbed = Budgeted.stage(budgets, "query.embed", embedder::embed);
        BudgetedStage<float[], List<Hit>> querySearch = Budgeted.stage(budgets, "query.search",
                (float[] q) -> idx.search(q, o.k(), kernels));
        BudgetedStage<String, List<Hit>> query = Budgeted.stage(budgets,
                queryEmbed.andThen(querySearch).withName("query"));
        for (int i = 0; i < Math.min(20, questions.size()); i++) {
            idx.search(embedder.embed(questions.get(i)), o.k(), kernels); // warm-up, not recorded
        }
        List<List<Hit>> hits = new ArrayList<>(questions.size());
        for (String q : questions) {
            hits.add(query.apply(q));
        }

        SparkReport report = ingested[0].report();
        Baseline.Builder run = Baseline.builder().kernelBackend(kernels.name());
        run.stage(stage(load.report()));
        for (StageReport s : report.stages()) {
            run.stage(stage(s));
        }
        for (BudgetedStage<?, ?> s : List.of(index, ingest, queryEmbed, querySearch, query)) {
            run.stage(stage(s.report()));
        }
        return new Result(ingested[0], run.build(), questions, hits, System.nanoTime() - t0);
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%,d chunks; %,d questions; wall %s%n", r.ingest().chunks().size(),
                r.questions().size(), Format.nanos(r.wallNanos()));
        for (int i = 0; i < Math.min(3, r.questions().size()); i++) {
            out.println("  Q: " + r.questions().get(i));
            for (Hit h : r.hits().get(i).subList(0, Math.min(2, r.hits().get(i).size()))) {
                out.printf(Locale.ROOT, "     %.3f %s%n", h.score(), h.chunkId());
            }
        }
        out.println();
        out.println("Per stage (latency per call; clean, chunk and embed merged over every Spark task; alloc = heap"
                + " bytes allocated by the calling thread, driver stages only):");
        out.print(Reports.text(Reports.table(r.run())));
        SparkReport report = r.ingest().report();
        for (String stage : report.verdicts().keySet()) {
            out.println("  " + stage + ": tasks by executor " + report.tasksByExecutor(stage));
        }
    }

    /** A stage of the table: its figures over the run as one round (Spark's are merged over every task). */
    private static StageBaseline stage(StageReport report) {
        return StageBaseline.of(report.snapshot(), List.of(report.snapshot()), report.verdict().budget());
    }
}
