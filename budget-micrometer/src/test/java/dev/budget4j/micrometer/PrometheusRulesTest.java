package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class PrometheusRulesTest {
    private static final String ALL = "p50<=100us p99<=5ms p99.9<=20ms max<=1s throughput>=5000/s errors<=0.1% alloc<=4KiB";
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        assertEquals(Set.of("groups"), root.keySet());
        return (List<Map<String, Object>>) root.get("groups");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("rules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Map<String, Object> rule, String key) {
        return (Map<String, String>) rule.get(key);
    }

    private static Map<String, Object> rule(String yaml, String dimension) {
        return groups(yaml).stream().flatMap(g -> rules(g).stream())
                .filter(r -> map(r, "labels").get("dimension").equals(dimension))
                .findFirst().orElseThrow();
    }

    @Test
    void oneGroupPerStageOneRulePerDimensionValidYaml() {
        String yaml = PrometheusRules.builder()
                .stage("tokenize", Budget.parse(ALL))
                .stage("embed", Budget.parse("p99<=50ms errors<=1%"))
                .build().yaml();
        List<Map<String, Object>> groups = groups(yaml);
        assertEquals(List.of("budget4j.tokenize", "budget4j.embed"),
                groups.stream().map(g -> g.get("name")).collect(Collectors.toList()));
        assertEquals(7, rules(groups.get(0)).size());
        assertEquals(2, rules(groups.get(1)).size());
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : rules(group)) {
                assertEquals(Set.of("alert", "expr", "for", "labels", "annotations"), rule.keySet());
                assertEquals("5m", rule.get("for"));
                assertEquals(Set.of("summary", "description", "budget", "limit"), map(rule, "annotations").keySet());
            }
        }
        Map<String, Object> p99 = rules(groups.get(0)).get(1);
        assertEquals("Budget4j_tokenize_p99", p99.get("alert"));
        assertEquals(Map.of("stage", "tokenize", "dimension", "p99"), map(p99, "labels"));
        assertEquals(ALL, map(p99, "annotations").get("budget"), "annotations carry the budget text");
        assertEquals("p99<=5ms", map(p99, "annotations").get("limit"));
        assertEquals("Budget4j_tokenize_p99_9", rules(groups.get(0)).get(2).get("alert"));
    }

    @Test
    void expressionsPerDimensionWithThresholdsInBaseUnits() {
        String yaml = PrometheusRules.builder().stage("tokenize", Budget.parse(ALL)).build().yaml();
        assertEquals("histogram_quantile(0.99, sum by (le) (rate(budget4j_stage_latency_seconds_bucket"
                + "{stage=\"tokenize\"}[5m]))) > 0.005", rule(yaml, "p99").get("expr"));
        assertEquals("histogram_quantile(0.5, sum by (le) (rate(budget4j_stage_latency_seconds_bucket"
                + "{stage=\"tokenize\"}[5m]))) > 0.0001", rule(yaml, "p50").get("expr"));
        assertEquals("histogram_quantile(0.999, sum by (le) (rate(budget4j_stage_latency_seconds_bucket"
                + "{stage=\"tokenize\"}[5m]))) > 0.02", rule(yaml, "p99.9").get("expr"));
        assertEquals("max(max_over_time(budget4j_stage_latency_seconds_max{stage=\"tokenize\"}[5m])) > 1",
                rule(yaml, "max").get("expr"));
        assertEquals("sum(rate(budget4j_stage_calls_total{stage=\"tokenize\"}[5m])) < 5000",
                rule(yaml, "throughput").get("expr"));
        assertEquals("sum(rate(budget4j_stage_failures_total{stage=\"tokenize\"}[5m])) / "
                + "sum(rate(budget4j_stage_calls_total{stage=\"tokenize\"}[5m])) > 0.001", rule(yaml, "errors").get("expr"));
        assertEquals("sum(rate(budget4j_stage_allocation_bytes_sum{stage=\"tokenize\"}[5m])) / "
                + "sum(rate(budget4j_stage_allocation_bytes_count{stage=\"tokenize\"}[5m])) > 4096",
                rule(yaml, "alloc").get("expr"));
    }

    @Test
    void perProcessDimensionsUseEachInstancesVerdict() {
        String yaml = PrometheusRules.builder()
                .stage("memo", Budget.parse("rss<=512MiB rssGrowth<=64MiB cacheHitRate>=0.8")).build().yaml();
        assertEquals("min by (job, instance) (budget4j_budget_met{stage=\"memo\",dimension=\"rss\"}) == 0",
                rule(yaml, "rss").get("expr"));
        assertEquals("min by (job, instance) (budget4j_budget_met{stage=\"memo\",dimension=\"cacheHitRate\"}) == 0",
                rule(yaml, "cacheHitRate").get("expr"));
        assertTrue(map(rule(yaml, "rssGrowth"), "annotations").get("summary").endsWith("on {{ $labels.instance }}"));
    }

    @Test
    void everyMetricInTheExpressionsIsInTheScrapeOfARegistryThatRecordedTheStage() {
        BudgetedStage<Integer, byte[]> stage = Budgets.budgetedStage("tokenize", (Integer n) -> new byte[n],
                Budget.parse(ALL));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (StageMeters meters = BudgetMeters.builder(stage).refreshEvery(Duration.ZERO).bindTo(registry)) {
            for (int i = 0; i < 100; i++) {
                stage.apply(i);
            }
            meters.refresh();
            Set<String> scraped = Scrape.parse(registry.scrape()).names();
            String yaml = PrometheusRules.builder().stage(stage).build().yaml();
            List<String> used = new ArrayList<>();
            for (Map<String, Object> rule : rules(groups(yaml).get(0))) {
                String expr = (String) rule.get("expr");
                assertBalanced(expr);
                Matcher m = METRIC.matcher(expr);
                while (m.find()) {
                    used.add(m.group(1));
                    assertTrue(scraped.contains(m.group(1)), m.group(1) + " of " + expr + " in " + scraped);
                }
            }
            assertEquals(9, used.size(), used.toString());
        }
    }

    private static void assertBalanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            assertTrue(depth >= 0, "no ')' before its '(' in " + expr);
        }
        assertEquals(0, depth, "balanced parentheses in " + expr);
        assertEquals(expr.chars().filter(c -> c == '{').count(), expr.chars().filter(c -> c == '}').count(), expr);
        assertEquals(expr.chars().filter(c -> c == '[').count(), expr.chars().filter(c -> c == ']').count(), expr);
    }

    @Test
    void settingsShapeTheRules() {
        String yaml = PrometheusRules.builder()
                .stage("t", Budget.parse("p99<=5ms errors<=1%"))
                .names(new MeterNames("shop.budget4j"))
                .rateWindow(Duration.ofSeconds(90))
                .forDuration(Duration.ofMinutes(10))
                .build().yaml();
        Map<String, Object> p99 = rule(yaml, "p99");
        assertEquals("10m", p99.get("for"));
        assertEquals("Shop_budget4j_t_p99", p99.get("alert"));
        assertTrue(((String) p99.get("expr")).contains("rate(shop_budget4j_stage_latency_seconds_bucket{stage=\"t\"}[90s])"),
                (String) p99.get("expr"));
        assertEquals("shop.budget4j.t", groups(yaml).get(0).get("name"));
        assertEquals("0s", rule(PrometheusRules.builder().stage("t", Budget.parse("errors<=1%"))
                .forDuration(Duration.ZERO).build().yaml(), "errors").get("for"));
    }

    @Test
    void theBudgetInForceIsTheStagesOverride() {
        System.setProperty("budget4j.budget.overridden", "p99<=7ms");
        try {
            BudgetedStage<Long, Long> stage = Budgets.budgetedStage("overridden", (Long x) -> x,
                    Budget.parse("p99<=5ms"));
            String yaml = PrometheusRules.builder().stage(stage).build().yaml();
            assertTrue(((String) rule(yaml, "p99").get("expr")).endsWith("> 0.007"));
        } finally {
            System.clearProperty("budget4j.budget.overridden");
        }
    }

    @Test
    void anyStageNameGivesValidYamlAndEscapedPromQl() {
        String name = "we\"ird {{ $x }} 'name'\\ \ttab\nline";
        String yaml = PrometheusRules.builder().stage(name, Budget.parse("p99<=5ms")).build().yaml();
        Map<String, Object> rule = rule(yaml, "p99");
        assertTrue(((String) rule.get("expr")).contains("{stage=\"we\\\"ird {{ $x }} 'name'\\\\ \\ttab\\nline\"}"),
                (String) rule.get("expr"));
        assertEquals("we\"ird {{ \"{{\" }} $x }} 'name'\\ \ttab\nline", map(rule, "labels").get("stage"),
                "templating would expand {{ ... }}: the label keeps it literal");
        assertEquals("budget4j." + name, groups(yaml).get(0).get("name"));
    }

    @Test
    void writesAtomicallyAndReplacesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules/budget4j.yml");
        PrometheusRules first = PrometheusRules.builder().stage("a", Budget.parse("p99<=5ms")).build();
        first.write(file);
        assertEquals(first.yaml(), Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "readable by a Prometheus server running as another user");

        PrometheusRules second = PrometheusRules.builder().stage("b", Budget.parse("errors<=1%")).build();
        second.write(file);
        assertEquals(second.yaml(), Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file left behind");
        }

        IllegalArgumentException directory = assertThrows(IllegalArgumentException.class, () -> second.write(dir));
        assertEquals("file must be a file, not a directory, but was " + dir.toAbsolutePath(), directory.getMessage());
    }

    @Test
    void badArgumentsNameTheParameterTheRuleAndTheValue() {
        PrometheusRules.Builder builder = PrometheusRules.builder().stage("a", Budget.parse("p99<=5ms"));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> builder.stage("a", Budget.parse("errors<=1%")));
        assertEquals("name must be unique in a rules file (one group per stage), but 'a' was already added"
                + " (budget p99<=5ms)", duplicate.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> builder.stage(" ", Budget.parse("errors<=1%")));
        assertEquals("name must not be blank, but was ' '", blank.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> builder.rateWindow(Duration.ZERO));
        assertEquals("rateWindow must be > 0 ns, but was PT0S", window.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> builder.rateWindow(Duration.ofNanos(1_500_000)));
        assertEquals("rateWindow must be a whole number of milliseconds, but was PT0.0015S", fraction.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> builder.forDuration(Duration.ofSeconds(-1)));
        assertEquals("forDuration must be >= 0 ns, but was PT-1S", negative.getMessage());
        builder.forDuration(Duration.ofMinutes(1));
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> builder.forDuration(Duration.ofMinutes(2)));
        assertEquals("forDuration must be set once, but was already set to PT1M", twice.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> PrometheusRules.builder().build());
        assertEquals("stage must be added at least once before build(), but none was", empty.getMessage());
        NullPointerException nullBudget = assertThrows(NullPointerException.class,
                () -> PrometheusRules.builder().stage("x", null));
        assertEquals("budget must not be null", nullBudget.getMessage());
        assertFalse(builder.build().yaml().isEmpty());
    }
}
