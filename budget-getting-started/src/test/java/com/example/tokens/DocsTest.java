package com.example.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide and the module READMEs show this project's code exactly as it is compiled: every
 * region between a {@code snippet: NAME} and a {@code snippet end} marker must appear, with its
 * common indentation removed, in the document that shows it.
 */
class DocsTest {
    static Stream<Arguments> snippets() {
        return Stream.of(
                Arguments.of("pom.xml", "dependencies", "../docs/getting-started.md"),
                Arguments.of("src/main/java/com/example/tokens/GettingStarted.java", "wrap", "../docs/getting-started.md"),
                Arguments.of("src/test/java/com/example/tokens/TokenizerTest.java", "budgeted-test", "../docs/getting-started.md"),
                Arguments.of("src/test/java/com/example/tokens/TokenizerTest.java", "property", "../docs/getting-started.md"),
                Arguments.of("src/test/java/com/example/tokens/TokenizerTest.java", "budgeted-test", "../budget-junit/README.md"),
                Arguments.of("src/test/java/com/example/tokens/DotProductTest.java", "backend-equivalence",
                        "../budget-profile/README.md"));
    }

    @ParameterizedTest(name = "{1} of {0} is in {2}")
    @MethodSource("snippets")
    void theDocumentShowsTheCompiledCode(String source, String name, String document) throws IOException {
        String snippet = snippet(Files.readAllLines(Path.of(source)), name);
        String doc = Files.readString(Path.of(document));
        assertTrue(doc.contains(snippet), document + " must show '" + name + "' of " + source + " exactly as compiled:\n"
                + snippet);
    }

    static String snippet(List<String> lines, String name) {
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals("// snippet: " + name) || t.equals("<!-- snippet: " + name + " -->")) {
                begin = i;
            } else if (begin >= 0 && (t.equals("// snippet end") || t.equals("<!-- snippet end -->"))) {
                end = i;
                break;
            }
        }
        assertTrue(begin >= 0 && end > begin, "markers of '" + name + "' present");
        List<String> region = lines.subList(begin + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
                .orElse(0);
        return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    @Test
    void thePomAsksForTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertEquals(Test.class.getPackage().getImplementationVersion(), version(pom, "junit-jupiter"));
        assertEquals(jarVersion(net.jqwik.api.Property.class, "jqwik-api-"), version(pom, "jqwik"));
    }

    /** jqwik's jars carry no Implementation-Version; their file names do. */
    private static String jarVersion(Class<?> type, String prefix) {
        String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
        assertTrue(jar.startsWith(prefix) && jar.endsWith(".jar"), jar);
        return jar.substring(prefix.length(), jar.length() - ".jar".length());
    }

    private static String version(String pom, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), artifactId + " in the pom");
        return m.group(1);
    }
}
