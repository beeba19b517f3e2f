package dev.budget4j.profile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The limits as documented, and how messages quote the input. */
class ReadLimitsTest {
    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The README and the exception's javadoc state the limits the code enforces. */
    @Test
    void theDocumentedLimitsAreTheEnforcedOnes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String s : List.of(n(ReadLimits.MAX_FILE_BYTES) + " bytes (64 MiB)", ReadLimits.MAX_NESTING_DEPTH + " levels",
                "| " + ReadLimits.MAX_NUMBER_CHARS + " characters", n(ReadLimits.MAX_STRING_CHARS) + " characters (4 Mi)",
                "| " + n(ReadLimits.MAX_NAME_CHARS) + " characters", "| " + n(ReadLimits.MAX_TOKENS) + " |",
                "at most " + ReadLimits.EXCERPT_CHARS + " characters", "and " + ReadLimits.NAME_CHARS + " of a stage")) {
            assertTrue(readme.contains(s), "README.md must say '" + s + "'");
        }
        String javadoc = Files.readString(Path.of("src/main/java/dev/budget4j/profile/BaselineFormatException.java"));
        for (String s : List.of("at most " + n(ReadLimits.MAX_FILE_BYTES) + " bytes", "at most " + ReadLimits.MAX_NESTING_DEPTH
                + " levels", "at most " + ReadLimits.MAX_NUMBER_CHARS + " characters", "at most " + n(ReadLimits.MAX_STRING_CHARS)
                + " characters", "at most " + n(ReadLimits.MAX_NAME_CHARS), "at most " + n(ReadLimits.MAX_TOKENS) + " JSON tokens",
                ReadLimits.EXCERPT_CHARS + " characters of a bad value", "(" + ReadLimits.NAME_CHARS + " of a stage")) {
            assertTrue(javadoc.contains(s), "BaselineFormatException's javadoc must say '" + s + "'");
        }
        assertEquals(64L << 20, ReadLimits.MAX_FILE_BYTES);
        assertEquals(4 << 20, ReadLimits.MAX_STRING_CHARS);
    }

    @Test
    void anExcerptIsShortAndSaysItWasCut() {
        assertEquals("short", ReadLimits.excerpt("short"));
        String forty = "x".repeat(40);
        assertEquals(forty, ReadLimits.excerpt(forty));
        assertEquals(forty + "\u2026", ReadLimits.excerpt(forty + "y".repeat(5_000_000)));
        assertEquals("a?b?c", ReadLimits.excerpt("a\nb\u0000c"), "no line breaks or control characters reach a terminal");
        String pair = "x".repeat(39) + "\uD83D\uDE00" + "tail";
        assertEquals("x".repeat(39) + "\u2026", ReadLimits.excerpt(pair), "a surrogate pair is not split");
        assertEquals(ReadLimits.NAME_CHARS + 1, ReadLimits.name("n".repeat(1_000)).length());
    }

    @Test
    void anotherParsersMessageQuotesItsInputOnlyInPart() {
        String input = "z".repeat(100_000);
        String reason = ReadLimits.reason("unknown dimension '" + input + "'; known: p99, max", input);
        assertEquals("unknown dimension '" + "z".repeat(40) + "\u2026'; known: p99, max", reason);
        assertTrue(ReadLimits.reason("w".repeat(10_000)).length() <= ReadLimits.REASON_CHARS + 1);
        assertEquals("no reason given", ReadLimits.reason(null));
    }

    @Test
    void aLimitIsReportedWhereTheOffendingTokenStarts() {
        IllegalArgumentException deep = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("[".repeat(100_000)));
        assertTrue(deep.getMessage().startsWith("exceeds a limit for files read by budget4j at line 1, column 65: Document nesting"
                + " depth (65) exceeds the maximum allowed (64)"), deep.getMessage());
        IllegalArgumentException digits = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("{\"a\":\n [" + "7".repeat(5_000_000) + "]}"));
        assertTrue(digits.getMessage().startsWith("exceeds a limit for files read by budget4j at line 2, column 3: Number value"
                + " length"), digits.getMessage());
        assertTrue(digits.getMessage().length() < 200, digits.getMessage());
    }
}
