package dev.budget4j.internal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check names the parameter, the rule and the bad value, and returns a good value as is. */
class RequireTest {

    @Test
    void nullIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Require.notNull(null, "stage"));
        assertEquals("stage must not be null", e.getMessage());
    }

    @Test
    void goodValuesAreReturned() {
        String name = "embed";
        List<String> list = List.of("a");
        Duration d = Duration.ofMillis(5);
        assertSame(name, Require.notNull(name, "name"));
        assertSame(name, Require.notBlank(name, "name"));
        assertSame(list, Require.notEmpty(list, "list"));
        assertSame(d, Require.positive(d, "timeout"));
        assertEquals(3, Require.atLeast(3, 3, "n"));
        assertEquals(3L, Require.atLeast(3L, 3L, "n"));
        assertEquals(1, Require.positive(1, "n"));
        assertEquals(1L, Require.positive(1L, "n"));
        assertEquals(0.5, Require.positive(0.5, "x"));
        assertEquals(1.0, Require.inRange(1.0, 0, 1, "fraction"));
    }

    @Test
    void messagesNameTheParameterTheRuleAndTheValue() {
        assertMessage("name must not be blank, but was ' '", () -> Require.notBlank(" ", "name"));
        assertMessage("inputs must not be empty, but was empty", () -> Require.notEmpty(List.of(), "inputs"));
        assertMessage("forks must be >= 1, but was 0", () -> Require.atLeast(0, 1, "forks"));
        assertMessage("nanos must be >= 0, but was -5", () -> Require.atLeast(-5L, 0L, "nanos"));
        assertMessage("batchSize must be > 0, but was 0", () -> Require.positive(0, "batchSize"));
        assertMessage("maxEntries must be > 0, but was -1", () -> Require.positive(-1L, "maxEntries"));
        assertMessage("rate must be a finite number > 0, but was Infinity",
                () -> Require.positive(Double.POSITIVE_INFINITY, "rate"));
        assertMessage("rate must be a finite number > 0, but was NaN", () -> Require.positive(Double.NaN, "rate"));
        assertMessage("window must be > 0 ns, but was PT0S", () -> Require.positive(Duration.ZERO, "window"));
        assertMessage("fraction must be in [0.0, 1.0], but was NaN", () -> Require.inRange(Double.NaN, 0, 1, "fraction"));
        assertMessage("b must equal a.length (3), but was 4", () -> Require.that(false, "b", "must equal a.length (3)", 4));
    }

    @Test
    void aSettingGivenTwiceNamesTheFirstValue() {
        assertEquals("1s", Require.once(null, "1s", "window"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Require.once("1s", "2s", "window"));
        assertEquals("window must be set once, but was already set to 1s", e.getMessage());
    }

    private static void assertMessage(String expected, Runnable check) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, check::run).getMessage());
    }
}
