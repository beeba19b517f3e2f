package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.ManualTicker;
import dev.budget4j.Stage;
import dev.budget4j.Stages;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The generated rules through Prometheus' own {@code promtool}: {@code check rules} accepts them,
 * and {@code test rules} fires exactly the expected alerts on series taken from the scrape text of
 * real bound stages on two instances. Skipped only when promtool is not installed (CI installs it).
 */
class PromtoolTest {
    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        Optional<Path> found = Promtool.find();
        assumeTrue(found.isPresent(), "promtool is not on the PATH (Debian: apt-get install prometheus)");
        promtool = found.get();
    }

    @Test
    void checkRulesAcceptsEveryDimensionAndAnyStageName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yml");
        PrometheusRules.builder()
                .stage("tokenize", Budget.parse("p50<=100us p99<=5ms p99.9<=20ms p100<=1s max<=1s"
                        + " throughput>=5000/s errors<=0.1% alloc<=4KiB"))
                .stage("memo", Budget.parse("rss<=512MiB rssGrowth<=64MiB cacheHitRate>=0.8"))
                .stage("we\"ird {{ $x }} 'name'\\ \ttab", Budget.parse("p99<=5ms errors<=1%"))
                .rateWindow(Duration.ofSeconds(90))
                .build().write(file);
        Promtool.Result result = Promtool.run(promtool, dir, "check", "rules", file.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: 13 rules found"), result.output());
    }

    /**
     * Two instances of stage "rank" and, on instance a, a memoized stage "memo". Every minute each
     * instance makes 1000 calls of 50 us; instance b also makes 30 of its calls take 9 ms and fails
     * 30. Fleet-wide that is 1.5% slow calls (p99 above 5 ms, p90 not) and 1.5% failures. Without
     * the percentile histogram only the limits (and the guard above them) are buckets: the p99 alert
     * must fire all the same.
     */
    @ParameterizedTest(name = "percentileHistogram={0}")
    @ValueSource(booleans = {true, false})
    void testRulesFiresExactlyTheViolatedDimensions(boolean percentileHistogram, @TempDir Path dir) throws Exception {
        Budget rank = Budget.parse("p90<=1ms p99<=5ms max<=5ms throughput>=10/s errors<=1% alloc<=1MiB");
        Budget memo = Budget.parse("cacheHitRate>=0.8 errors<=1%");
        Instance a = new Instance("a:8080", rank, memo, false, percentileHistogram);
        Instance b = new Instance("b:8080", rank, null, true, percentileHistogram);
        Map<String, List<String>> series = new TreeMap<>();
        int minutes = 12;
        for (int minute = 0; minute <= minutes; minute++) {
            a.scrapeInto(series, minute);
            b.scrapeInto(series, minute);
            a.callForAMinute();
            b.callForAMinute();
        }
        PrometheusRules.builder().stage("rank", rank).stage("memo", memo)
                .forDuration(Duration.ofMinutes(1)).build().write(dir.resolve("rules.yml"));
        Map<String, Map<String, String>> annotations = annotations(Files.readString(dir.resolve("rules.yml")));

        List<Map<String, Object>> alertTests = new ArrayList<>();
        String eval = minutes + "m";
        expect(alertTests, eval, "Budget4j_rank_p99", fleetAlert("rank", "p99", annotations));
        expect(alertTests, eval, "Budget4j_rank_max", fleetAlert("rank", "max", annotations));
        expect(alertTests, eval, "Budget4j_rank_errors", fleetAlert("rank", "errors", annotations));
        expect(alertTests, eval, "Budget4j_rank_p90", null);
        expect(alertTests, eval, "Budget4j_rank_throughput", null);
        expect(alertTests, eval, "Budget4j_rank_alloc", null);
        expect(alertTests, eval, "Budget4j_memo_errors", null);
        Map<String, Object> memoAlert = new LinkedHashMap<>();
        memoAlert.put("exp_labels", Map.of("stage", "memo", "dimension", "cacheHitRate", "job", "app",
                "instance", "a:8080"));
        Map<String, String> memoAnnotations = new LinkedHashMap<>(annotations.get("Budget4j_memo_cacheHitRate"));
        memoAnnotations.replaceAll((k, v) -> v.replace("{{ $labels.instance }}", "a:8080"));
        memoAlert.put("exp_annotations", memoAnnotations);
        expect(alertTests, eval, "Budget4j_memo_cacheHitRate", memoAlert);

        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("input_series", series.entrySet().stream()
                .map(e -> Map.of("series", e.getKey(), "values", String.join(" ", e.getValue())))
                .collect(Collectors.toList()));
        test.put("alert_rule_test", alertTests);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yml"));
        file.put("evaluation_interval", "1m");
        file.put("tests", List.of(test));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(dir.resolve("test.yml"), new Yaml(options).dump(file));

        Promtool.Result result = Promtool.run(promtool, dir, "test", "rules", "test.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    private static Map<String, Object> fleetAlert(String stage, String dimension,
            Map<String, Map<String, String>> annotations) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("exp_labels", Map.of("stage", stage, "dimension", dimension));
        alert.put("exp_annotations", annotations.get("Budget4j_" + stage + "_" + dimension));
        return alert;
    }

    private static void expect(List<Map<String, Object>> tests, String evalTime, String alertName,
            Map<String, Object> alert) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("eval_time", evalTime);
        test.put("alertname", alertName);
        test.put("exp_alerts", alert == null ? List.of() : List.of(alert));
        tests.add(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> annotations(String rulesYaml) {
        Map<String, Map<String, String>> byAlert = new LinkedHashMap<>();
        Map<String, Object> root = new Yaml().load(rulesYaml);
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                byAlert.put((String) rule.get("alert"), (Map<String, String>) rule.get("annotations"));
            }
        }
        return byAlert;
    }

    /** One process: its stages, bound to its own Prometheus registry. */
    private static final class Instance {
        private final String name;
        private final boolean slow;
        private final ManualTicker ticker = new ManualTicker();
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final BudgetedStage<Long, Long> rank;
        private final BudgetedStage<Long, Long> memo;
        private final List<StageMeters> meters = new ArrayList<>();
        private long next;

        Instance(String name, Budget rankBudget, Budget memoBudget, boolean slow, boolean percentileHistogram) {
            this.name = name;
            this.slow = slow;
            this.rank = Budgets.budgeted(Stage.of("rank", (Long micros) -> {
                ticker.advanceNanos(Math.abs(micros) * 1000);
                if (micros < 0) {
                    throw new IllegalArgumentException("failing call");
                }
                return micros;
            })).budget(rankBudget).ticker(ticker).trackAllocation(true).build();
            meters.add(BudgetMeters.builder(rank).refreshEvery(Duration.ZERO).percentileHistogram(percentileHistogram)
                    .bindTo(registry));
            if (memoBudget != null) {
                Stage<Long, Long> lookUp = Stage.of("memo", (Long x) -> x * 2);
                this.memo = Budgets.budgeted(Stages.memoize(lookUp, x -> x, 16)).budget(memoBudget).build();
                meters.add(BudgetMeters.builder(memo).refreshEvery(Duration.ZERO).bindTo(registry));
            } else {
                this.memo = null;
            }
        }

        void callForAMinute() {
            for (int i = 0; i < 1000; i++) {
                long micros = !slow ? 50 : i < 30 ? 9000 : i < 60 ? -50 : 50;
                try {
                    rank.apply(micros);
                } catch (IllegalArgumentException expected) {
                    // instance b fails 3% of its calls
                }
                if (memo != null) {
                    memo.apply(next++); // every key new: hit rate 0
                }
            }
        }

        /** Refreshes, scrapes, and appends each sample's value to its series, labelled as Prometheus would. */
        void scrapeInto(Map<String, List<String>> series, int minute) {
            meters.forEach(StageMeters::refresh);
            Scrape scrape = Scrape.parse(registry.scrape());
            for (String metric : scrape.names()) {
                for (Scrape.Sample sample : scrape.find(metric, Map.of())) {
                    Map<String, String> labels = new TreeMap<>(sample.labels());
                    labels.put("job", "app");
                    labels.put("instance", name);
                    String key = metric + labels.entrySet().stream()
                            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                            .collect(Collectors.joining(",", "{", "}"));
                    List<String> values = series.computeIfAbsent(key, k -> new ArrayList<>());
                    while (values.size() < minute) {
                        values.add("_");
                    }
                    values.add(format(sample.value()));
                }
            }
        }

        private static String format(double value) {
            if (Double.isNaN(value)) {
                return "NaN";
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }
}
