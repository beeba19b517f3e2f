package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.CacheStats;
import dev.budget4j.MemoizedStage;
import dev.budget4j.Stage;
import dev.budget4j.StageReport;
import dev.budget4j.Stages;
import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Rounds;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spi.MemoryProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The ingest phase: {@code ingest = Budget(load → clean+chunk → embed all → index)}, with
 * {@code clean}, {@code chunk} ({@code Budget(Memoize(chunk))}, keyed by document id, content
 * hash, chunk size and overlap) and {@code embed} (one call per batch) budgeted inside it; then a
 * refresh pass edits a few documents and re-chunks all of them, unchanged ones from the memo.
 * Stages called many times are cut into {@link Rounds}.
 */
final class Ingest {
    /** Memo key of a chunked document. */
    record ChunkKey(String docId, String contentHash, int size, int overlap) {
    }

    /** Chunks and their vectors, in the same order. */
    record Embedded(List<Chunk> chunks, float[][] vectors) {
    }

    /**
     * What the phase produced.
     *
     * @param index the index
     * @param docs documents ingested
     * @param stages load, clean, chunk, embed, index and ingest, in that order
     * @param tree ingest's stage tree
     * @param chunkMemo the chunk memo's figures after the refresh pass
     */
    record Result(VectorIndex index, int docs, List<StageBaseline> stages, StageReport tree, CacheStats chunkMemo) {
    }

    private final Options options;
    private final BudgetFile budgets;
    private final Embedder embedder;
    private final VectorKernels kernels;
    private final MemoryProbe probe;
    private final PrintStream progressOut;

    /**
     * @param options the run's options
     * @param budgets budgets by stage name
     * @param embedder the true-batch embedder
     * @param kernels the backend that chunks and normalizes the index
     * @param probe samples the phase's peak RSS, or null for none
     * @param progressOut where progress goes, or null for none
     */
    Ingest(Options options, BudgetFile budgets, Embedder embedder, VectorKernels kernels, MemoryProbe probe,
            PrintStream progressOut) {
        this.options = options;
        this.budgets = budgets;
        this.embedder = embedder;
        this.kernels = kernels;
        this.probe = probe;
        this.progressOut = progressOut;
    }

    Result run() {
        int size = options.chunkSize();
        int overlap = options.overlap();
        BudgetedStage<Integer, List<Document>> load = Budgeted.stage(budgets, "load", EuroparlCorpus::read);
        BudgetedStage<Document, CleanDoc> clean = Budgeted.stage(budgets, "clean", Cleaner::clean);
        MemoizedStage<CleanDoc, List<Chunk>> memo = Stages.memoize(
                Stage.of("chunk", (CleanDoc d) -> Chunking.chunk(d, size, overlap)),
                d -> new ChunkKey(d.id(), d.contentHash(), size, overlap), 4 * options.docs() + 16);
        BudgetedStage<CleanDoc, List<Chunk>> chunk = Budgeted.stage(budgets, memo);
        BudgetedStage<List<Chunk>, float[][]> embed = Budgeted.stage(budgets, "embed", (List<Chunk> batch) ->
                embedder.embedAll(batch.stream().map(Chunk::text).toList()));
        BudgetedStage<Embedded, VectorIndex> index = Budgeted.stage(budgets, "index",
                (Embedded e) -> VectorIndex.build(e.chunks(), e.vectors(), kernels));
        Rounds cleanRounds = Rounds.of(clean);
        Rounds chunkRounds = Rounds.of(chunk);
        Rounds embedRounds = Rounds.of(embed);

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
        BudgetedStage<Integer, VectorIndex> ingest = Budgeted.stage(budgets,
                load.andThen(cleanAndChunk).andThen(embedAll).andThen(index).withName("ingest"));

        warmUp();
        List<StageBaseline> stages = new ArrayList<>();
        VectorIndex idx;
        StageBaseline ingestRun;
        StageReport ingestReport;
        List<Document> docs;
        try (Phase phase = Phase.open(probe)) {
            idx = ingest.apply(options.docs());
            // now, so that its peak RSS is the ingest's own
            ingestReport = ingest.report();
            ingestRun = Rounds.of(ingest).toBaseline(phase.window());
            docs = EuroparlCorpus.read(options.docs());
            // refresh: a few documents are edited; unchanged ones come from the chunk memo (one more round)
            for (Document d : edit(docs, options.changed(), options.seed())) {
                chunk.apply(clean.apply(d));
            }
            cleanRounds.cut();
            chunkRounds.cut();
            phase.close();
            stages.add(Rounds.of(load).toBaseline(phase.window()));
            stages.add(cleanRounds.toBaseline(phase.window()));
            stages.add(chunkRounds.toBaseline(phase.window()));
            stages.add(embedRounds.toBaseline(phase.window()));
            stages.add(Rounds.of(index).toBaseline(phase.window()));
            stages.add(ingestRun);
        }
        StageReport tree = StageReport.tree(ingestReport.name(), ingestReport,
                List.of(load.report(), clean.report(), chunk.report(), embed.report(), index.report()));
        return new Result(idx, docs.size(), List.copyOf(stages), tree, memo.cacheStats());
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
        Progress p = Progress.to(progressOut, "embedding chunks", chunks.size());
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

    /** Loads the model's code paths and the chunker before anything is recorded. */
    private void warmUp() {
        List<Document> few = EuroparlCorpus.read(Math.min(8, options.docs()));
        List<String> texts = new ArrayList<>();
        for (Document d : few) {
            Chunking.chunk(Cleaner.clean(d), options.chunkSize(), options.overlap())
                    .forEach(c -> texts.add(c.text()));
        }
        List<String> sample = texts.subList(0, Math.min(texts.size(), options.batch()));
        for (int i = 0; i < 3; i++) {
            embedder.embedAll(sample);
            embedder.embed(sample.get(0));
        }
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
}
