package dev.budget4j.rag;

import dev.budget4j.BudgetedStage;
import dev.budget4j.Stage;
import dev.budget4j.profile.BudgetFile;
import dev.budget4j.profile.Rounds;
import dev.budget4j.profile.StageBaseline;
import dev.budget4j.spi.MemoryProbe;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison phase: the same chunks embedded three ways, each a budgeted stage cut into
 * {@link Rounds}: the library one text per call ({@code compare.lib-single}), the library's
 * {@code embedAll} ({@code compare.lib-batch}) and one ONNX call per batch
 * ({@code compare.onnx-batch}).
 */
final class Comparison {
    /**
     * What the phase produced.
     *
     * @param figures time per text each way, and how close the vectors are
     * @param stages compare.lib-single, compare.lib-batch and compare.onnx-batch, in that order
     */
    record Result(EmbeddingComparison figures, List<StageBaseline> stages) {
    }

    private final Options options;
    private final BudgetFile budgets;
    private final Embedder embedder;
    private final Embedder library;
    private final MemoryProbe probe;
    private final PrintStream progressOut;

    /**
     * @param options the run's options: how many chunks ({@code --compare}) and the batch size
     * @param budgets budgets by stage name
     * @param embedder the true-batch embedder
     * @param library the library embedder
     * @param probe samples the phase's peak RSS, or null for none
     * @param progressOut where progress goes, or null for none
     */
    Comparison(Options options, BudgetFile budgets, Embedder embedder, Embedder library, MemoryProbe probe,
            PrintStream progressOut) {
        this.options = options;
        this.budgets = budgets;
        this.embedder = embedder;
        this.library = library;
        this.probe = probe;
        this.progressOut = progressOut;
    }

    Result run(VectorIndex idx) {
        int n = Math.min(options.compare(), idx.size());
        int b = options.batch();
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(idx.chunk(i).text());
        }
        BudgetedStage<String, float[]> single = Budgeted.stage(budgets, "compare.lib-single", library::embed);
        BudgetedStage<List<String>, float[][]> libBatch = Budgeted.stage(budgets, "compare.lib-batch",
                library::embedAll);
        BudgetedStage<List<String>, float[][]> onnxBatch = Budgeted.stage(budgets, "compare.onnx-batch",
                embedder::embedAll);
        Rounds singleRounds = Rounds.of(single);
        Rounds libRounds = Rounds.of(libBatch);
        Rounds onnxRounds = Rounds.of(onnxBatch);
        for (int i = 0; i < 3; i++) {
            library.embed(texts.get(i)); // warm-up, not recorded
        }
        library.embedAll(texts.subList(0, Math.min(n, b)));
        Progress p = Progress.to(progressOut, "comparing single vs batch embedding", 3L * n);
        float[][] s = new float[n][];
        float[][] lb;
        float[][] ob;
        long a0;
        long a1;
        long a2;
        long a3;
        List<StageBaseline> stages = new ArrayList<>();
        try (Phase phase = Phase.open(probe)) {
            a0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s[i] = single.apply(texts.get(i));
                singleRounds.cutAt(i + 1, n);
                p.update(i + 1);
            }
            a1 = System.nanoTime();
            lb = inBatches(texts, b, libBatch, libRounds, p, n);
            a2 = System.nanoTime();
            ob = inBatches(texts, b, onnxBatch, onnxRounds, p, 2L * n);
            a3 = System.nanoTime();
            phase.close();
            stages.add(singleRounds.toBaseline(phase.window()));
            stages.add(libRounds.toBaseline(phase.window()));
            stages.add(onnxRounds.toBaseline(phase.window()));
        }
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
        return new Result(new EmbeddingComparison(n, b, (a1 - a0) / (double) n, (a2 - a1) / (double) n,
                (a3 - a2) / (double) n, minCos, maxAbs), List.copyOf(stages));
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
}
