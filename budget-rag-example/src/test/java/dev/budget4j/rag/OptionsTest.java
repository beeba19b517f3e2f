package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() throws UsageException {
        assertEquals(Options.defaults(), Options.parse());
    }

    @Test
    void everyOptionParses() throws UsageException {
        Options o = Options.parse("--docs", "50", "--batch=8", "--backend", "JAVA", "--chunk-size", "100",
                "--overlap", "10", "--queries", "20", "--k", "3", "--compare", "0", "--changed", "0.5", "--seed", "7",
                "--budgets", "b.properties", "--out", "o", "--save-baseline", "--baseline", "base.json", "--gate",
                "--engine", "Spark", "--master", "local[2]");
        assertEquals(new Options(50, 8, "java", 100, 10, 20, 3, 0, 0.5, 7, Path.of("b.properties"), Path.of("o"),
                true, Path.of("base.json"), true, "spark", "local[2]"), o);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--docs 0|option --docs must be in [1, 17597], but was 0",
        "--docs 99999|option --docs must be in [1, 17597], but was 99999",
        "--docs many|option --docs must be an integer, but was 'many'",
        "--batch|Missing required parameter for option '--batch' (N)",
        "--backend gpu|option --backend must be java, vector or native, but was 'gpu'",
        "--changed 2|option --changed must be in [0, 1], but was 2",
        "--fast|Unknown option: '--fast'",
        "--docs 5 extra|Unmatched argument at index 2: 'extra'",
        "--k 3 --k 4|option '--k' (N) should be specified only once",
        "--engine flink|option --engine must be local or spark, but was 'flink'",
        "--master local[0]|option --master must be local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL, but was 'local[0]'",
        "--master|Missing required parameter for option '--master' (URL)",
        "--baseline --gate|Expected parameter for option '--baseline' but found '--gate'",
        "--chunk-size 20 --overlap 20|option --overlap must be < --chunk-size=20, but was 20",
    })
    void badOptionsSayWhichAndWhy(String line, String message) {
        UsageException e = assertThrows(UsageException.class, () -> Options.parse(line.split(" ")));
        assertEquals(message, e.getMessage());
    }

    private record Exit(int code, String out, String err) {
    }

    private static Exit run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RagExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Exit(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOptionExitsWithTwoAndOneErrorLineThenWhereTheUsageIs() {
        Exit e = run("--docs", "-3");
        assertEquals(2, e.code());
        assertEquals("error: option --docs must be in [1, 17597], but was -3\nsee '--help'\n", e.err());
        assertEquals("", e.out());
        e = run("--docs", "10", "--batch");
        assertEquals(2, e.code());
        assertEquals("error: Missing required parameter for option '--batch' (N)\nsee '--help'\n", e.err());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Exit e = run("--doc", "10");
        assertEquals(2, e.code());
        List<String> lines = e.err().lines().toList();
        assertEquals(2, lines.size(), e.err());
        assertTrue(lines.get(0).startsWith("error: Unknown option"), e.err());
        assertEquals("Possible solutions: --docs", lines.get(1));
        e = run("--save-basline");
        assertEquals(2, e.code());
        assertEquals("Possible solutions: --save-baseline", e.err().lines().toList().get(1));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        for (String help : new String[] {"--help", "-h"}) {
            Exit e = run(help);
            assertEquals(0, e.code());
            assertTrue(e.out().startsWith("Usage: java -jar budget-rag-example.jar [OPTIONS]"), e.out());
            for (String option : new String[] {"--docs", "--save-baseline", "--baseline", "--gate", "--engine", "--master",
                "--version"}) {
                assertTrue(e.out().contains(option), option + " in " + e.out());
            }
            assertTrue(e.out().contains("Documents to ingest, 1..17597 (default 2000)."), e.out());
            assertEquals("", e.err());
        }
    }

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() {
        String version = System.getProperty("budget4j.version");
        assertTrue(version != null && !version.isBlank() && !version.contains("${"), "the build passes the version: " + version);
        for (String v : new String[] {"--version", "-V"}) {
            Exit e = run(v);
            assertEquals(0, e.code(), e.err());
            assertEquals("budget-rag-example " + version + System.lineSeparator(), e.out());
        }
    }
}
