package dev.budget4j.rag;

import dev.budget4j.profile.BudgetFile;
import dev.budget4j.spark.SparkBudgets;
import dev.budget4j.spark.SparkReport;
import dev.budget4j.spark.SparkStage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest as a Spark job: documents become an RDD, {@code clean} and {@code chunk} run per
 * document and {@code embed} per batch of {@code --batch} chunks (through {@code mapPartitions}),
 * each a budget-spark stage under its budget from the budget file; the embedded chunks are
 * collected to the driver. Executors load the model from their class path, once per JVM, on the
 * first batch they embed; in local mode they share the driver's JVM and so its model.
 */
public final class SparkIngest {
    private SparkIngest() {
    }

    /**
     * A chunk as Spark ships it between stages.
     *
     * @param docId the document id
     * @param ordinal position of the chunk in its document
     * @param start first char index in the cleaned document
     * @param end char index after the chunk
     * @param text the chunk's text
     */
    record Piece(String docId, int ordinal, int start, int end, String text) implements Serializable {
        Chunk toChunk() {
            return new Chunk(docId, ordinal, new TextChunk(start, end), text);
        }
    }

    /**
     * A chunk and its vector, as collected to the driver.
     *
     * @param piece the chunk
     * @param vector its unit-length embedding
     */
    record Vectored(Piece piece, float[] vector) implements Serializable {
    }

    /**
     * What the job returns.
     *
     * @param chunks the chunks, in document order
     * @param vectors one vector per chunk, in the same order
     * @param report the stages' figures and verdicts, merged over every task
     */
    public record Result(List<Chunk> chunks, float[][] vectors, SparkReport report) {
    }

    /** The executor JVM's embedder, made on first use: the holder class loads when a task first needs it. */
    private static final class Model {
        static final Embedder EMBEDDER = new OnnxBatchEmbedder();
    }

    /** @return this JVM's embedder, the one the executors in it use */
    static Embedder embedder() {
        return Model.EMBEDDER;
    }

    /**
     * Runs clean, chunk and embed on the session's executors.
     *
     * @param spark the session
     * @param docs the documents
     * @param budgets the budgets of {@code clean}, {@code chunk} and {@code embed}
     * @param chunkSize chunk length in code points
     * @param overlap code points shared by neighbouring chunks
     * @param batch chunks per embedding call
     * @return the chunks, their vectors and the report
     */
    public static Result run(SparkSession spark, List<Document> docs, BudgetFile budgets, int chunkSize, int overlap,
            int batch) {
        SparkBudgets run = SparkBudgets.register(spark);
        SparkStage<Document, CleanDoc> clean = run.stage("clean", Cleaner::clean, budgets.budget("clean"));
        SparkStage<CleanDoc, List<Piece>> chunk = run.stage("chunk",
                (CleanDoc d) -> pieces(d, chunkSize, overlap), budgets.budget("chunk"));
        SparkStage<List<Piece>, List<Vectored>> embed = run.stage("embed", SparkIngest::embed,
                budgets.budget("embed"));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Document> rdd = jsc.parallelize(docs, Math.max(1, Math.min(docs.size(), jsc.defaultParallelism())));
        List<Vectored> out = rdd.map(clean).map(chunk).flatMap(List::iterator)
                .mapPartitions(SparkStage.batches(embed, batch)).collect();
        List<Chunk> chunks = new ArrayList<>(out.size());
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < out.size(); i++) {
            chunks.add(out.get(i).piece().toChunk());
            vectors[i] = out.get(i).vector();
        }
        return new Result(chunks, vectors, run.report());
    }

    static List<Piece> pieces(CleanDoc doc, int size, int overlap) {
        List<TextChunk> spans = Chunker.chunk(doc.text(), size, overlap);
        List<Piece> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            TextChunk s = spans.get(i);
            out.add(new Piece(doc.id(), i, s.start(), s.end(), doc.text().substring(s.start(), s.end())));
        }
        return out;
    }

    static List<Vectored> embed(List<Piece> batch) {
        float[][] v = Model.EMBEDDER.embedAll(batch.stream().map(Piece::text).toList());
        List<Vectored> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Vectored(batch.get(i), v[i]));
        }
        return out;
    }
}
