package dev.budget4j.rag;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized) through LangChain4j's in-process model, used as it comes.
 * {@link #embedAll} is the library's {@code embedAll}: it runs one ONNX call per text (spread over
 * a thread pool), not one call per batch; {@link OnnxBatchEmbedder} is the true batch.
 */
public final class LibraryEmbedder implements Embedder {
    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String name() {
        return "langchain4j";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        Args.notNull(text, "text");
        return model.embed(text).content().vector();
    }

    @Override
    public float[][] embedAll(List<String> texts) {
        Args.notNull(texts, "texts");
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(t -> segments.add(TextSegment.from(t)));
        List<Embedding> out = model.embedAll(segments).content();
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = out.get(i).vector();
        }
        return vectors;
    }

    @Override
    public void close() {
        // the library keeps its session in a static field for the life of the class loader
    }
}
