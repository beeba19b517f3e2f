package dev.budget4j.benchmarks;

import dev.budget4j.rag.Chunker;
import dev.budget4j.rag.Document;
import dev.budget4j.rag.Embedder;
import dev.budget4j.rag.EuroparlCorpus;
import dev.budget4j.rag.LibraryEmbedder;
import dev.budget4j.rag.OnnxBatchEmbedder;
import dev.budget4j.rag.TextChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedding 32 real Europarl chunks (300 code points each) with all-MiniLM-L6-v2 (quantized),
 * three ways: the library one text per call (the baseline), the library's {@code embedAll}, and
 * one ONNX call for the whole batch ({@code OnnxBatchEmbedder}, from the RAG example). Time per
 * operation is for all 32 texts; divide by 32 for a text.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EmbeddingBatch}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EmbeddingBatch {
    private static final int TEXTS = 32;

    @Param({"library-single", "library-embedAll", "onnx-batch"})
    String mode;

    private List<String> texts;
    private Embedder embedder;

    @Setup(Level.Trial)
    public void setUp() {
        texts = new ArrayList<>(TEXTS);
        for (Document doc : EuroparlCorpus.read(200)) {
            for (TextChunk c : Chunker.chunk(doc.body(), 300, 30)) {
                if (texts.size() < TEXTS && c.end() - c.start() >= 200) {
                    texts.add(doc.body().substring(c.start(), c.end()));
                }
            }
        }
        if (texts.size() < TEXTS) {
            throw new IllegalStateException("the corpus slice gave " + texts.size() + " chunks, " + TEXTS + " needed");
        }
        embedder = mode.equals("onnx-batch") ? new OnnxBatchEmbedder() : new LibraryEmbedder();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        embedder.close();
    }

    @Benchmark
    public float[][] embed32() {
        if (mode.equals("library-single")) {
            float[][] out = new float[TEXTS][];
            for (int i = 0; i < TEXTS; i++) {
                out[i] = embedder.embed(texts.get(i));
            }
            return out;
        }
        return embedder.embedAll(texts);
    }
}
