package dev.budget4j.kernel.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

    @Test
    void theExampleRanksTheRows() {
        assertArrayEquals(new int[] {2, 1}, ReadmeExample.run());
    }

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/dev/budget4j/kernel/examples/ReadmeExample.java"));
        int begin = source.indexOf("        // README-BEGIN");
        int end = source.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers present");
        String snippet = source.subList(begin + 1, end).stream()
                .map(line -> line.substring(8))
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(snippet), "README.md must contain the example exactly as compiled:\n" + snippet);
    }
}
