package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
                true, Path.of("base.json"), true, false, "spark", "local[2]"), o);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--docs 0|option --docs must be in [1, 17597], but was 0",
        "--docs 99999|option --docs must be in [1, 17597], but was 99999",
        "--docs many|option --docs must be an integer, but was 'many'",
        "--batch|option --batch needs a value",
        "--backend gpu|option --backend must be java, vector or native, but was 'gpu'",
        "--changed 2|option --changed must be in [0, 1], but was 2",
        "--fast|unknown option '--fast'",
        "--engine flink|option --engine must be local or spark, but was 'flink'",
        "--master local[0]|option --master must be local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL, but was 'local[0]'",
        "--master|option --master needs a value",
        "--chunk-size 20 --overlap 20|option --overlap must be < --chunk-size=20, but was 20",
    })
    void badOptionsSayWhichAndWhy(String line, String message) {
        UsageException e = assertThrows(UsageException.class, () -> Options.parse(line.split(" ")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void badOptionExitsWithTwoAndOneErrorLineThenUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RagExample.run(new String[] {"--docs", "-3"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: option --docs must be in [1, 17597], but was -3\nusage:"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RagExample.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage:"));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("error"));
    }
}
