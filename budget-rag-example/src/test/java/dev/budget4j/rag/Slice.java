package dev.budget4j.rag;

import java.util.ArrayList;
import java.util.List;

/** A small, fixed slice of the corpus and one model instance shared by the tests of a JVM. */
final class Slice {
    private static OnnxBatchEmbedder onnx;
    private static LibraryEmbedder library;

    private Slice() {
    }

    static synchronized OnnxBatchEmbedder onnx() {
        if (onnx == null) {
            onnx = new OnnxBatchEmbedder();
        }
        return onnx;
    }

    static synchronized LibraryEmbedder library() {
        if (library == null) {
            library = new LibraryEmbedder();
        }
        return library;
    }

    /** Chunk texts of the first documents, in order, at most {@code max}. */
    static List<String> chunkTexts(int docs, int max) {
        List<String> out = new ArrayList<>();
        for (Document d : EuroparlCorpus.read(docs)) {
            CleanDoc c = Cleaner.clean(d);
            for (TextChunk s : Chunker.chunk(c.text(), 300, 30)) {
                if (out.size() < max) {
                    out.add(c.text().substring(s.start(), s.end()));
                }
            }
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
