package dev.budget4j.profile.equivalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The divergence that passed 5,000 tries of the old text generator: two tokenizers a team could
 * easily write, one splitting where {@code Character.isWhitespace} says, the other on regex
 * {@code \s+}. They agree on every ASCII text and differ on U+3000, U+2003, U+001F and the like.
 */
class TokenizerDivergenceTest {
    private static final long SEED = 7L;

    /** Splits at every code point {@link Character#isWhitespace(int)} accepts. */
    static List<String> byIsWhitespace(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.appendCodePoint(cp);
            }
        });
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** Splits on regex {@code \s+} (ASCII whitespace only, unless UNICODE_CHARACTER_CLASS is set). */
    static List<String> byRegex(String text) {
        return Arrays.stream(text.split("\\s+")).filter(t -> !t.isEmpty()).collect(Collectors.toList());
    }

    /** The text generator as it was before the kinds of {@link TextArbitraries.Kind} were added. */
    static Arbitrary<String> narrowText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.of((int) ' ', (int) '\n', (int) '\t')),
                Tuple.of(2, Arbitraries.integers().between(0xC0, 0x17F)),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(3, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x1D400, 0x1D7FF)),
                Tuple.of(3, Arbitraries.integers().between(0x0300, 0x036F)))
                .list().ofMaxSize(200).map(cps -> {
                    StringBuilder s = new StringBuilder();
                    cps.forEach(s::appendCodePoint);
                    return s.toString();
                });
    }

    static Optional<String> firstDivergence(List<String> texts, Function<String, List<String>> reference,
            Function<String, List<String>> candidate) {
        for (String text : texts) {
            Optional<String> m = Equivalence.mismatch(reference, candidate, text, OutputEquivalence.equality());
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    @Test
    void theOldGeneratorMissedItInFiveThousandTriesTheNewOneFindsItInTheDefaultThousand() {
        Function<String, List<String>> reference = TokenizerDivergenceTest::byIsWhitespace;
        Function<String, List<String>> candidate = TokenizerDivergenceTest::byRegex;

        Optional<String> old = firstDivergence(Samples.draw(narrowText(), 5_000, SEED), reference, candidate);
        assertEquals(Optional.empty(), old, "the old generator has no whitespace beyond ASCII");

        List<String> texts = Samples.draw(TextArbitraries.unicodeText(), Samples.DEFAULT_TRIES, SEED);
        Optional<String> found = firstDivergence(texts, reference, candidate);
        assertTrue(found.isPresent(), "the default generator finds the divergence within the default tries");
        assertTrue(found.get().startsWith("'candidate' vs 'reference' on "), found.get());
        long diverging = texts.stream().filter(t -> !byIsWhitespace(t).equals(byRegex(t))).count();
        assertTrue(diverging >= Samples.DEFAULT_TRIES / 10, diverging + " of " + Samples.DEFAULT_TRIES + " texts diverge");
    }

    @Test
    void lineSplittersDivergeOnlyOnTheNewText() {
        Function<String, List<String>> lines = t -> t.lines().collect(Collectors.toList());
        Function<String, List<String>> anyBreak = t -> {
            List<String> out = new ArrayList<>(Arrays.asList(t.split("\\R", -1)));
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);   // lines() drops the empty line after a final break
            }
            return out;
        };
        assertEquals(Optional.empty(), firstDivergence(Samples.draw(narrowText(), 5_000, SEED), lines, anyBreak));
        assertTrue(firstDivergence(Samples.draw(TextArbitraries.unicodeText(), Samples.DEFAULT_TRIES, SEED), lines, anyBreak)
                .isPresent());
    }
}
