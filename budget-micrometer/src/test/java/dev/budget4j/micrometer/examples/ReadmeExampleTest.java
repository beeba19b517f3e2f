package dev.budget4j.micrometer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.micrometer.StageMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeExampleTest {

    @Test
    void theExampleRunsPublishesAndWritesRules(@TempDir Path dir) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Path rules = dir.resolve("budget4j-rules.yml");
        try (StageMeters meters = ReadmeExample.run(registry, rules)) {
            assertEquals(10_000, registry.get("budget4j.stage.calls").tag("stage", "tokenize").counter().count());
            assertEquals(1.0, registry.get("budget4j.budget.met").tag("stage", "tokenize").tag("dimension", "errors")
                    .gauge().value());
            assertTrue(registry.scrape().contains("budget4j_stage_calls_total{stage=\"tokenize\"} 10000.0"));
            assertEquals("tokenize", meters.stage());
        }
        assertTrue(Files.readString(rules).contains("rate(budget4j_stage_latency_seconds_bucket{stage=\"tokenize\"}[5m]"));
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/dev/budget4j/micrometer/examples/ReadmeExample.java"));
        int begin = source.indexOf("        // README-BEGIN");
        int end = source.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers present");
        String snippet = source.subList(begin + 1, end).stream()
                .map(line -> line.isEmpty() ? line : line.substring(8))
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(snippet), "README.md must contain the example exactly as compiled:\n" + snippet);
    }
}
