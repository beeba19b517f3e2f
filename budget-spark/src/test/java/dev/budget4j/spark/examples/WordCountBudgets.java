package dev.budget4j.spark.examples;

import dev.budget4j.Budget;
import dev.budget4j.profile.Baseline;
import dev.budget4j.spark.SparkBudgets;
import dev.budget4j.spark.SparkReport;
import dev.budget4j.spark.SparkStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/** The README's example: a budgeted stage in a Dataset map, its report and baseline read on the driver. */
public final class WordCountBudgets {
    private WordCountBudgets() {
    }

    /**
     * Counts words with a budgeted stage.
     *
     * @param spark the session
     * @param lines the text
     * @param baselineFile where to write the run's baseline
     * @return the report
     * @throws IOException when the baseline cannot be written
     */
    public static SparkReport run(SparkSession spark, List<String> lines, Path baselineFile) throws IOException {
        SparkBudgets budgets = SparkBudgets.register(spark);
        SparkStage<String, Integer> words = budgets.stage("words",
                (String line) -> line.split(" ").length,
                Budget.parse("p99<=5ms errors<=0%"));

        Dataset<String> text = spark.createDataset(lines, Encoders.STRING()).repartition(4);
        long total = text.map(words, Encoders.INT()).javaRDD().map(Integer::longValue).reduce(Long::sum);

        SparkReport report = budgets.report();          // every task's calls, merged on the driver
        System.out.println(total + " words\n" + report.toTable());
        Baseline run = report.baseline();               // one fork per executor, one round per task
        run.write(baselineFile);                        // gate it later: GateCommand compare --baseline ... --current ...
        return report;
    }
}
