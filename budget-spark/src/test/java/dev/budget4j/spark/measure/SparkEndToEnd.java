package dev.budget4j.spark.measure;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.spark.SparkBudgets;
import dev.budget4j.spark.SparkStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;

/**
 * A rough end-to-end figure, not a benchmark: a Dataset map over N longs on local[2], 8 partitions,
 * with a plain function and with the same function as a budgeted {@link SparkStage}, alternated
 * for R rounds after one warm-up round of each; prints the median wall time of each, the
 * difference per record, and what the tasks sent back. Run through the {@code spark-e2e} profile
 * of budget-spark's pom (arguments: N, R).
 */
public final class SparkEndToEnd {
    private SparkEndToEnd() {
    }

    /**
     * @param args records (default 5,000,000) and rounds (default 5)
     */
    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("budget-spark end to end")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.warehouse.dir", "target/spark-warehouse")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        TaskSizes sizes = new TaskSizes();
        spark.sparkContext().addSparkListener(sizes);
        Dataset<Long> in = spark.range(0, records, 1, 8).as(Encoders.LONG());
        MapFunction<Long, Long> plain = x -> x * 31 + 7;
        List<Long> plainNanos = new ArrayList<>();
        List<Long> budgetedNanos = new ArrayList<>();
        Recording lastMerged = null;
        for (int round = -1; round < rounds; round++) {
            long a = time(spark, "plain", in, plain, records);
            SparkBudgets budgets = SparkBudgets.register(spark);
            SparkStage<Long, Long> work = budgets.stage("work", (Long x) -> x * 31 + 7, Budget.parse("p99<=1ms"));
            long b = time(spark, "budgeted", in, work, records);
            lastMerged = budgets.report().recordings().get("work");
            long calls = lastMerged.calls();
            if (calls != records) {
                throw new IllegalStateException("calls must equal records (" + records + "), but were " + calls);
            }
            if (round >= 0) {
                plainNanos.add(a);
                budgetedNanos.add(b);
            }
            System.out.printf("round %d: plain %.0f ms, budgeted %.0f ms%n", round, a / 1e6, b / 1e6);
        }
        Thread.sleep(2_000); // let the listener bus deliver the last task ends
        long p = median(plainNanos);
        long b = median(budgetedNanos);
        System.out.printf("%nmedian of %d rounds, %,d records, local[2], 8 partitions:%n", rounds, records);
        System.out.printf("  plain map     %,d ms  (%.1f ns per record, wall)%n", p / 1_000_000, (double) p / records);
        System.out.printf("  budgeted map  %,d ms  (%.1f ns per record, wall)%n", b / 1_000_000, (double) b / records);
        System.out.printf("  difference    %.1f ns per record, wall%n", (double) (b - p) / records);
        for (Map.Entry<String, List<Long>> e : sizes.resultBytes.entrySet()) {
            System.out.printf("  task result size, %s: median %d bytes over %d tasks%n", e.getKey(), median(e.getValue()),
                    e.getValue().size());
        }
        System.out.printf("  the merged recording of the last round, encoded: %d bytes%n", lastMerged.encode().length);
        spark.stop();
    }

    private static long time(SparkSession spark, String label, Dataset<Long> in, MapFunction<Long, Long> f, long records) {
        spark.sparkContext().setJobDescription(label);
        long t0 = System.nanoTime();
        long sum = in.map(f, Encoders.LONG()).reduce((ReduceFunction<Long>) Long::sum);
        long t = System.nanoTime() - t0;
        if (sum == 0 && records > 1) {
            throw new IllegalStateException("sum must not be 0");
        }
        return t;
    }

    private static long median(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
