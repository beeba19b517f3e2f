package dev.budget4j.rag;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.MemoizedStage;
import dev.budget4j.Stage;
import dev.budget4j.StageReport;
import dev.budget4j.StageSnapshot;
import dev.budget4j.Stages;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.Ladder;
import dev.budget4j.profile.OshiMemoryProbe;
import dev.budget4j.spi.MemoryProbe;
import dev.budget4j.spi.RssWindow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The retrieval pipeline, every stage under a budget:
 * load → clean → chunk (memoized) → embed (true batches) → index → query (embed, then search).
 * Chunking is this example's {@link Chunker} (code-point windows); normalizing the index, scoring
 * and top-k go through budget4j's kernel backends; the query stage's backend is chosen by
 * budget-profile's {@link Ladder} unless one is forced.
 *
 * <p>Budgets come from a {@link BudgetFile}. Each stage is {@code Budget(stage)}; chunk is
 * {@code Budget(Memoize(chunk))}, keyed by document id, content hash, chunk size and overlap, so
 * the refresh pass (a few documents edited) re-chunks only what changed.
 */
public final class RagPipeline {
    /** Memo key of a chunked document. */
    record ChunkKey(String docId, String contentHash, int size, int overlap) {
    }

    /** Chunks and their vectors, in the same order. */
    record Embedded(List<Chunk> chunks, float[][] vectors) {
    }

    private static final List<String> SHOWCASE = List.of(
            "fishing quotas in the North Sea", "human rights in China", "ban on tobacco advertising",
            "the single currency and monetary union", "enlargement of the European Union");

    private final Options options;
    private final BudgetFile budgets;
    private final Embedder embedder;
    private final Embedder library;
    private final VectorKernels forced;
    private final VectorKernels ingestKernels;
    private final MemoryProbe probe;
    private final PrintStream progressOut;
    private final boolean terminal;

    /**
     * @param options the run's options
     * @param budgets budgets by stage name
     * @param embedder the true-batch embedder used for the index and the questions
     * @param library the library embedder for the comparison, or null to skip it
     * @param forced the kernel backend for every stage, or null: then ingest uses
     *     {@link Kernels#active()} and the query stage the backend the ladder chooses
     * @param probe samples the process's peak RSS per phase and for the run, or null for none
     * @param progressOut where progress goes, or null for none
     */
    public RagPipeline(Options options, BudgetFile budgets, Embedder embedder, Embedder library,
            VectorKernels forced, MemoryProbe probe, PrintStream progressOut) {
        this.options = Args.notNull(options, "options");
        this.budgets = Args.notNull(budgets, "budgets");
        this.embedder = Args.notNull(embedder, "embedder");
        this.library = library;
        this.forced = forced;
        this.ingestKernels = forced != null ? forced : Kernels.active();
        this.probe = probe;
        this.progressOut = progressOut;
        this.terminal = System.console() != null;
    }

    private <I, O> BudgetedStage<I, O> budgeted(Stage<I, O> stage) {
        return Budgets.budgeted(stage).budget(budgets.budget(stage.name())).trackAllocation(true).build();
    }

    private <I, O> BudgetedStage<I, O> budgeted(String name, Function<? super I, ? extends O> f) {
        return budgeted(Stage.of(name, f));
    }

    private Progress progress(String what, long total) {
        return progressOut == null ? Progress.quiet() : new Progress(progressOut, what, total, terminal);
    }

    /** @return the run's figures, verdicts and answers */
    public RunResult run() {
        long t0 = System.nanoTime();
        RssWindow runWindow = openWindow();
        int size = options.chunkSize();
        int overlap = options.overlap();

        BudgetedStage<Integer, List<Document>> load = budgeted("load", EuroparlCorpus::read);
        BudgetedStage<Document, CleanDoc> clean = budgeted("clean", Cleaner::clean);
        MemoizedStage<CleanDoc, List<Chunk>> memo = Stages.memoize(
                Stage.of("chunk", (CleanDoc d) -> chunk(d, size, overlap)),
                d -> new ChunkKey(d.id(), d.contentHash(), size, overlap), 4 * options.docs() + 16);
        BudgetedStage<CleanDoc, List<Chunk>> chunk = budgeted(memo);
        BudgetedStage<List<Chunk>, float[][]> embed = budgeted("embed", (List<Chunk> batch) -> embedder.embedAll(
                batch.stream().map(Chunk::text).toList()));
        BudgetedStage<Embedded, VectorIndex> index = budgeted("index",
                (Embedded e) -> VectorIndex.build(e.chunks(), e.vectors(), ingestKernels));
        Rounds cleanRounds = new Rounds(clean);
        Rounds chunkRounds = new Rounds(chunk);
        Rounds embedRounds = new Rounds(embed);

        Stage<List<Document>, List<Chunk>> cleanAndChunk = Stage.of("clean+chunk", (List<Document> docs) -> {
            List<Chunk> out = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                out.addAll(chunk.apply(clean.apply(docs.get(i))));
                cleanRounds.cutAt(i + 1, docs.size());
                chunkRounds.cutAt(i + 1, docs.size());
            }
            return out;
        });
        Stage<List<Chunk>, Embedded> embedAll = Stage.of("embed all", (List<Chunk> chunks) -> embedInBatches(
                chunks, embed, embedRounds));
        BudgetedStage<Integer, VectorIndex> ingest = budgeted(
                load.andThen(cleanAndChunk).andThen(embedAll).andThen(index).withName("ingest"));

        warmUp();
        RssWindow ingestWindow = openWindow();
        VectorIndex idx = ingest.apply(options.docs());
        StageReport ingestReport = ingest.report(); // now, so its peak RSS is the ingest's own
        List<Document> docs = EuroparlCorpus.read(options.docs());

        // refresh: a few documents are edited; unchanged ones come from the chunk memo (one more round)
        List<Document> edited = edit(docs, options.changed(), options.seed());
        for (Document d : edited) {
            chunk.apply(clean.apply(d));
        }
        cleanRounds.cut();
        chunkRounds.cut();
        close(ingestWindow);

        List<StageRow> rows = new ArrayList<>();
        rows.add(row("ingest", load.report(), oneRound(load), ingestWindow));
        rows.add(row("ingest", clean.report(), cleanRounds.rounds(), ingestWindow));
        rows.add(row("ingest", chunk.report(), chunkRounds.rounds(), ingestWindow));
        rows.add(row("ingest", embed.report(), embedRounds.rounds(), ingestWindow));
        rows.add(row("ingest", index.report(), oneRound(index), ingestWindow));
        rows.add(row("ingest", ingestReport, oneRound(ingest), ingestWindow));
        StageReport ingestTree = new StageReport(ingestReport.name(), ingestReport.snapshot(), ingestReport.verdict(),
                List.of(load.report(), clean.report(), chunk.report(), embed.report(), index.report()));

        EmbeddingComparison comparison = null;
        if (library != null && options.compare() > 0) {
            comparison = compare(idx, rows);
        }

        List<String> questions = questions(idx, options.queries(), options.seed());
        QueryBackend chosen = chooseQueryBackend(idx, questions);
        SearchRung rung = chosen.rung();
        BudgetedStage<String, float[]> queryEmbed = budgeted("query.embed", embedder::embed);
        BudgetedStage<float[], List<Hit>> querySearch = budgeted("query.search",
                (float[] q) -> rung.search(idx, q, options.k()));
        BudgetedStage<String, List<Hit>> query = budgeted(queryEmbed.andThen(querySearch).withName("query"));
        Rounds embedQ = new Rounds(queryEmbed);
        Rounds searchQ = new Rounds(querySearch);
        Rounds queryQ = new Rounds(query);
        for (int i = 0; i < Math.min(20, questions.size()); i++) {
            rung.search(idx, embedder.embed(questions.get(i)), options.k()); // warm-up, not recorded
        }
        RssWindow queryWindow = openWindow();
        List<List<Hit>> answers = new ArrayList<>(questions.size());
        Progress qp = progress("asking", questions.size());
        for (int i = 0; i < questions.size(); i++) {
            answers.add(query.apply(questions.get(i)));
            embedQ.cutAt(i + 1, questions.size());
            searchQ.cutAt(i + 1, questions.size());
            queryQ.cutAt(i + 1, questions.size());
            qp.update(i + 1);
        }
        close(queryWindow);
        rows.add(row("query", queryEmbed.report(), embedQ.rounds(), queryWindow));
        rows.add(row("query", querySearch.report(), searchQ.rounds(), queryWindow));
        rows.add(row("query", query.report(), queryQ.rounds(), queryWindow));
        close(runWindow);

        return new RunResult(ingestKernels.name(), chosen, docs.size(), idx.size(), questions, answers,
                List.copyOf(rows),
                List.of(ingestTree, query.report()), memo.cacheStats(), comparison, System.nanoTime() - t0,
                runWindow == null ? -1 : runWindow.peakRssBytes(), kernelPeakRss());
    }

    /**
     * The query stage's search: the forced backend's float search, else the ladder's choice —
     * every rung (float, then int8 scoring, on each available backend) checked against plain Java
     * on sample questions, measured in isolation and inside real query calls, and the lowest rung
     * that meets {@code query.search}'s budget in situ wins ({@link QueryLadder}). The ladder runs
     * (and is printed) in both cases.
     */
    private QueryBackend chooseQueryBackend(VectorIndex idx, List<String> questions) {
        String by = forced == null ? null : options.backend() != null ? "--backend " + options.backend()
                : Backends.forcedByProperty() ? "-D" + Kernels.BACKEND_PROPERTY + "=" + forced.name() : "the caller";
        return QueryLadder.choose(idx, questions, embedder, budgets.budget("query.search"), options.k(),
                options.seed(), forced, by);
    }

    private RssWindow openWindow() {
        return probe == null ? null : probe.openWindow();
    }

    private static void close(RssWindow w) {
        if (w != null) {
            w.close();
        }
    }

    private long kernelPeakRss() {
        return probe instanceof OshiMemoryProbe oshi ? oshi.kernelPeakRssBytes().orElse(-1) : -1;
    }

    /** A row whose RSS is the stage's own when its budget bounds rss, else its phase's window. */
    private static StageRow row(String group, StageReport report, List<StageSnapshot> rounds, RssWindow phase) {
        StageSnapshot s = report.snapshot();
        if (s.peakRssBytes().isPresent()) {
            long peak = s.peakRssBytes().getAsLong();
            return new StageRow(group, report, rounds, peak, peak - s.rssGrowthBytes().orElse(0));
        }
        return phase == null ? new StageRow(group, report, rounds, -1, -1)
                : new StageRow(group, report, rounds, phase.peakRssBytes(), phase.startRssBytes());
    }

    private static List<StageSnapshot> oneRound(BudgetedStage<?, ?> stage) {
        Rounds r = new Rounds(stage);
        r.cut();
        return r.rounds();
    }

    private List<Chunk> chunk(CleanDoc doc, int size, int overlap) {
        return Chunking.chunk(doc, size, overlap);
    }

    /**
     * Batches of similar length (less padding), run in a seeded random order so that every round
     * of the gate sees a like mix of short and long batches; results put back in chunk order.
     */
    private Embedded embedInBatches(List<Chunk> chunks, Stage<List<Chunk>, float[][]> embed, Rounds rounds) {
        Integer[] order = new Integer[chunks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> chunks.get(i).text().length())
                .thenComparingInt(i -> i));
        int b = options.batch();
        List<Integer> batchStarts = new ArrayList<>();
        for (int from = 0; from < order.length; from += b) {
            batchStarts.add(from);
        }
        Collections.shuffle(batchStarts, new Random(options.seed()));
        float[][] vectors = new float[chunks.size()][];
        Progress p = progress("embedding chunks", chunks.size());
        int done = 0;
        for (int n = 0; n < batchStarts.size(); n++) {
            int from = batchStarts.get(n);
            int to = Math.min(order.length, from + b);
            List<Chunk> batch = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                batch.add(chunks.get(order[j]));
            }
            float[][] out = embed.apply(batch);
            for (int j = from; j < to; j++) {
                vectors[order[j]] = out[j - from];
            }
            rounds.cutAt(n + 1, batchStarts.size());
            done += to - from;
            p.update(done);
        }
        return new Embedded(chunks, vectors);
    }

    private void warmUp() {
        List<Document> few = EuroparlCorpus.read(Math.min(8, options.docs()));
        List<String> texts = new ArrayList<>();
        for (Document d : few) {
            chunk(Cleaner.clean(d), options.chunkSize(), options.overlap()).forEach(c -> texts.add(c.text()));
        }
        List<String> sample = texts.subList(0, Math.min(texts.size(), options.batch()));
        for (int i = 0; i < 3; i++) {
            embedder.embedAll(sample);
            embedder.embed(sample.get(0));
        }
    }

    private EmbeddingComparison compare(VectorIndex idx, List<StageRow> rows) {
        int n = Math.min(options.compare(), idx.size());
        int b = options.batch();
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(idx.chunk(i).text());
        }
        BudgetedStage<String, float[]> single = budgeted("compare.lib-single", library::embed);
        BudgetedStage<List<String>, float[][]> libBatch = budgeted("compare.lib-batch", library::embedAll);
        BudgetedStage<List<String>, float[][]> onnxBatch = budgeted("compare.onnx-batch", embedder::embedAll);
        Rounds singleRounds = new Rounds(single);
        Rounds libRounds = new Rounds(libBatch);
        Rounds onnxRounds = new Rounds(onnxBatch);
        for (int i = 0; i < 3; i++) {
            library.embed(texts.get(i)); // warm-up, not recorded
        }
        library.embedAll(texts.subList(0, Math.min(n, b)));
        RssWindow window = openWindow();
        Progress p = progress("comparing single vs batch embedding", 3L * n);
        float[][] s = new float[n][];
        long a0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            s[i] = single.apply(texts.get(i));
            singleRounds.cutAt(i + 1, n);
            p.update(i + 1);
        }
        long a1 = System.nanoTime();
        float[][] lb = inBatches(texts, b, libBatch, libRounds, p, n);
        long a2 = System.nanoTime();
        float[][] ob = inBatches(texts, b, onnxBatch, onnxRounds, p, 2L * n);
        long a3 = System.nanoTime();
        close(window);
        double minCos = 1;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < s[i].length; j++) {
                dot += (double) s[i][j] * ob[i][j];
                maxAbs = Math.max(maxAbs, Math.abs(s[i][j] - lb[i][j]));
            }
            minCos = Math.min(minCos, dot);
        }
        rows.add(row("compare", single.report(), singleRounds.rounds(), window));
        rows.add(row("compare", libBatch.report(), libRounds.rounds(), window));
        rows.add(row("compare", onnxBatch.report(), onnxRounds.rounds(), window));
        return new EmbeddingComparison(n, b, (a1 - a0) / (double) n, (a2 - a1) / (double) n, (a3 - a2) / (double) n,
                minCos, maxAbs);
    }

    private static float[][] inBatches(List<String> texts, int b, Stage<List<String>, float[][]> stage,
            Rounds rounds, Progress p, long done) {
        float[][] out = new float[texts.size()][];
        int batches = (texts.size() + b - 1) / b;
        for (int n = 0; n < batches; n++) {
            int from = n * b;
            int to = Math.min(texts.size(), from + b);
            float[][] r = stage.apply(texts.subList(from, to));
            System.arraycopy(r, 0, out, from, r.length);
            rounds.cutAt(n + 1, batches);
            p.update(done + to);
        }
        return out;
    }

    /** The same documents with a seeded fraction of bodies amended. */
    static List<Document> edit(List<Document> docs, double fraction, long seed) {
        Random random = new Random(seed);
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            boolean change = random.nextDouble() < fraction;
            out.add(change ? new Document(d.id(), d.title(), d.date(), d.body() + " (amended)") : d);
        }
        return out;
    }

    /** A few fixed questions, then the opening words of seeded random chunks. */
    static List<String> questions(VectorIndex idx, int count, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i < SHOWCASE.size()) {
                out.add(SHOWCASE.get(i));
                continue;
            }
            String text = idx.chunk(random.nextInt(idx.size())).text();
            String[] words = text.split(" ");
            int from = Math.min(words.length - 1, 1);
            int to = Math.min(words.length, from + 10);
            String q = String.join(" ", java.util.Arrays.asList(words).subList(from, to)).strip();
            out.add(q.isEmpty() ? text : q);
        }
        return out;
    }

    /** @return the budget of a stage, for tests */
    Budget budgetOf(String stage) {
        return budgets.budget(stage);
    }
}
