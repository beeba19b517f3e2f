package dev.budget4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.Baseline;
import dev.budget4j.spark.examples.WordCountBudgets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's example. */
@ExtendWith(LocalSpark.class)
class ExampleTest {
    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "a budget for every stage " + i).collect(Collectors.toList());
        SparkReport report = WordCountBudgets.run(LocalSpark.session(), lines, dir.resolve("run.json"));
        assertEquals(2_000, report.recordings().get("words").calls());
        assertTrue(Files.exists(dir.resolve("run.json")));
        assertEquals(2_000, Baseline.read(dir.resolve("run.json")).stage("words").orElseThrow().snapshot().calls());
    }
}
