package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.spark.SparkReport;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark ingest on a few documents in {@code local[2]}: every stage's call count, the report's verdicts. */
class SparkIngestTest {
    private static final int DOCS = 20;
    private static final int BATCH = 8;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("budget-rag-example tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyStageIsCountedAndJudged() throws UsageException {
        Options o = Options.parse("--docs", String.valueOf(DOCS), "--batch", String.valueOf(BATCH), "--queries", "5",
                "--engine", "spark");
        SparkRun.Result r = SparkRun.run(spark, o, Shipped.budgets(), null);
        SparkReport report = r.ingest().report();
        int chunks = r.ingest().chunks().size();

        assertEquals(List.of("clean", "chunk", "embed"), List.copyOf(report.verdicts().keySet()));
        Map<String, Long> calls = new java.util.HashMap<>();
        report.stages().forEach(s -> calls.put(s.name(), s.snapshot().calls()));
        assertEquals(DOCS, calls.get("clean"));
        assertEquals(DOCS, calls.get("chunk"));
        long partitions = 2;
        long fewest = (chunks + BATCH - 1) / BATCH;
        assertTrue(calls.get("embed") >= fewest && calls.get("embed") <= fewest + partitions - 1,
                "embed calls must be batches of " + BATCH + " per partition over " + chunks + " chunks, but were "
                        + calls.get("embed"));
        assertEquals(chunks, r.ingest().vectors().length);
        assertTrue(chunks >= DOCS, "every document gives at least one chunk, but " + chunks + " chunks");
        assertEquals(384, r.ingest().vectors()[0].length);
        report.verdicts().values().forEach(v -> assertFalse(v.checks().isEmpty(), v.toString()));

        List<String> table = List.copyOf(r.run().stages().keySet());
        assertEquals(List.of("load", "clean", "chunk", "embed", "index", "ingest", "query.embed", "query.search",
                "query"), table);
        assertEquals(5, r.hits().size());
    }
}
