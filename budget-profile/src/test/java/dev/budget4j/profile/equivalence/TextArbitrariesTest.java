package dev.budget4j.profile.equivalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.equivalence.TextArbitraries.Kind;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of text that makes text code differ is reached by the default generator within
 * jqwik's default 1,000 tries. Each class is defined here by what Java or Unicode says about it,
 * not by the generator's own lists, so the test fails if a list stops covering it.
 */
class TextArbitrariesTest {
    private static final long SEED = 20_240_611L;
    /** At least 1% of the tries, so reaching a class does not hang on one lucky draw. */
    private static final int LEAST_HITS = Samples.DEFAULT_TRIES / 100;
    private static final Pattern REGEX_SPACE = Pattern.compile("\\s");
    private static final Pattern ANY_LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern LINES_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private static List<String> samples;

    private static synchronized List<String> samples() {
        if (samples == null) {
            samples = Samples.draw(TextArbitraries.unicodeText(), Samples.DEFAULT_TRIES, SEED);
        }
        return samples;
    }

    /** A class of text, defined by Java's or Unicode's view of it. */
    record Trap(Kind kind, String what, Predicate<String> foundIn) {
        @Override
        public String toString() {
            return kind + ": " + what;
        }
    }

    static Trap anyCodePoint(Kind kind, String what, IntPredicate codePoint) {
        return new Trap(kind, what, s -> s.codePoints().anyMatch(codePoint));
    }

    static Trap pair(Kind kind, String what, PairPredicate pair) {
        return new Trap(kind, what, s -> {
            int[] cps = s.codePoints().toArray();
            for (int i = 1; i < cps.length; i++) {
                if (pair.test(cps[i - 1], cps[i])) {
                    return true;
                }
            }
            return false;
        });
    }

    interface PairPredicate {
        boolean test(int previous, int current);
    }

    static boolean mark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String lowerPerCodePoint(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    static Stream<Trap> traps() {
        Set<Integer> zeroWidth = Set.of(0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF);
        Set<Byte> bidiControls = Set.of(Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
                Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
                Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE);
        Set<Character.UnicodeScript> unspaced = EnumSet.of(Character.UnicodeScript.THAI, Character.UnicodeScript.HIRAGANA,
                Character.UnicodeScript.KATAKANA);
        return Stream.of(
                new Trap(Kind.ASCII, "an ASCII letter, an ASCII digit and a space",
                        s -> s.matches("(?s).*[A-Za-z].*") && s.matches("(?s).*[0-9].*") && s.contains(" ")),
                anyCodePoint(Kind.CONTROLS, "a control character (Cc) other than tab, LF and CR",
                        cp -> Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r'),
                anyCodePoint(Kind.CONTROLS, "an ASCII character Character.isWhitespace accepts and regex \\s does not",
                        cp -> cp < 0x80 && Character.isWhitespace(cp) && !REGEX_SPACE.matcher(Character.toString(cp)).matches()),
                anyCodePoint(Kind.CONTROLS, "a C1 control character U+0080..U+009F",
                        cp -> cp >= 0x80 && cp <= 0x9F && Character.getType(cp) == Character.CONTROL),
                new Trap(Kind.LINE_BREAKS, "CRLF", s -> s.contains("\r\n")),
                new Trap(Kind.LINE_BREAKS, "a line break regex \\R sees and String.lines() does not",
                        s -> count(ANY_LINE_BREAK, s) > count(LINES_BREAK, s)),
                anyCodePoint(Kind.SPACES, "a no-break space: Character.isSpaceChar, not isWhitespace",
                        cp -> Character.isSpaceChar(cp) && !Character.isWhitespace(cp)),
                anyCodePoint(Kind.SPACES, "a space separator beyond ASCII that Character.isWhitespace accepts and regex \\s does not",
                        cp -> cp > 0x7F && Character.isWhitespace(cp) && Character.getType(cp) == Character.SPACE_SEPARATOR
                                && !REGEX_SPACE.matcher(Character.toString(cp)).matches()),
                new Trap(Kind.SPACES, "text String.strip and String.trim disagree on", s -> !s.strip().equals(s.trim())),
                anyCodePoint(Kind.INVISIBLES, "a format character (Cf) in the BMP",
                        cp -> cp <= 0xFFFF && Character.getType(cp) == Character.FORMAT),
                anyCodePoint(Kind.INVISIBLES, "a zero-width character (ZWSP, ZWNJ, ZWJ, WJ, BOM)", zeroWidth::contains),
                anyCodePoint(Kind.INVISIBLES, "a bidi embedding, override or isolate",
                        cp -> bidiControls.contains(Character.getDirectionality(cp))),
                anyCodePoint(Kind.COMBINING_MARKS, "a combining mark (Mn, Mc, Me)", TextArbitrariesTest::mark),
                new Trap(Kind.COMBINING_MARKS, "a combining mark with no letter before it", s -> {
                    int[] cps = s.codePoints().toArray();
                    for (int i = 0; i < cps.length; i++) {
                        if (mark(cps[i]) && (i == 0 || !Character.isLetter(cps[i - 1]))) {
                            return true;
                        }
                    }
                    return false;
                }),
                new Trap(Kind.NORMALIZATION, "text NFC changes (decomposed forms)",
                        s -> !Normalizer.isNormalized(s, Normalizer.Form.NFC)),
                new Trap(Kind.NORMALIZATION, "text NFD changes (precomposed forms)",
                        s -> !Normalizer.isNormalized(s, Normalizer.Form.NFD)),
                anyCodePoint(Kind.NORMALIZATION, "a character NFKC changes and NFC does not (compatibility forms)", cp -> {
                    String c = Character.toString(cp);
                    return Normalizer.normalize(c, Normalizer.Form.NFC).equals(c)
                            && !Normalizer.normalize(c, Normalizer.Form.NFKC).equals(c);
                }),
                anyCodePoint(Kind.SUPPLEMENTARY, "a code point above U+FFFF (a surrogate pair)", cp -> cp > 0xFFFF),
                anyCodePoint(Kind.SUPPLEMENTARY, "a letter above U+FFFF: isLetter(int), not isLetter(char) of either half",
                        cp -> cp > 0xFFFF && Character.isLetter(cp)),
                anyCodePoint(Kind.SUPPLEMENTARY, "a cased letter above U+FFFF",
                        cp -> cp > 0xFFFF && (Character.toLowerCase(cp) != cp || Character.toUpperCase(cp) != cp)),
                zwjSequence(),
                pair(Kind.EMOJI_SEQUENCES, "an emoji with a variation selector",
                        (a, b) -> Character.isEmoji(a) && (b == 0xFE0E || b == 0xFE0F)),
                pair(Kind.EMOJI_SEQUENCES, "an emoji with a skin-tone modifier",
                        (a, b) -> Character.isEmojiModifierBase(a) && Character.isEmojiModifier(b)),
                pair(Kind.EMOJI_SEQUENCES, "a flag: two regional indicators",
                        (a, b) -> a >= 0x1F1E6 && a <= 0x1F1FF && b >= 0x1F1E6 && b <= 0x1F1FF),
                new Trap(Kind.EMOJI_SEQUENCES, "one grapheme cluster (regex \\X) of three or more code points", s -> {
                    Matcher m = GRAPHEME.matcher(s);
                    while (m.find()) {
                        if (m.group().codePointCount(0, m.group().length()) >= 3) {
                            return true;
                        }
                    }
                    return false;
                }),
                new Trap(Kind.CASE_TRAPS, "text String.toUpperCase makes longer (ß to SS)",
                        s -> s.toUpperCase(Locale.ROOT).length() > s.length()),
                new Trap(Kind.CASE_TRAPS, "text String.toLowerCase makes longer (İ to i and a dot)",
                        s -> s.toLowerCase(Locale.ROOT).length() > s.length()),
                new Trap(Kind.CASE_TRAPS, "text String.toLowerCase maps differently from Character.toLowerCase per code point",
                        s -> !s.toLowerCase(Locale.ROOT).equals(lowerPerCodePoint(s))),
                anyCodePoint(Kind.CASE_TRAPS, "a titlecase letter: neither upper nor lower case", Character::isTitleCase),
                anyCodePoint(Kind.CASE_TRAPS, "a letter beyond ASCII whose upper or lower case is ASCII",
                        cp -> cp > 0x7F && (Character.toUpperCase(cp) < 0x80 || Character.toLowerCase(cp) < 0x80)),
                anyCodePoint(Kind.DIGITS, "a decimal digit beyond ASCII: Character.isDigit, not [0-9]",
                        cp -> Character.isDigit(cp) && cp > '9'),
                anyCodePoint(Kind.DIGITS, "a decimal digit above U+FFFF", cp -> Character.isDigit(cp) && cp > 0xFFFF),
                anyCodePoint(Kind.DIGITS, "a number that is not a digit (No, Nl)", cp -> Character.getType(cp) == Character.OTHER_NUMBER
                        || Character.getType(cp) == Character.LETTER_NUMBER),
                anyCodePoint(Kind.DIGITS, "a character isAlphabetic accepts and isLetter does not",
                        cp -> Character.isAlphabetic(cp) && !Character.isLetter(cp)),
                anyCodePoint(Kind.SCRIPTS, "a Latin letter beyond ASCII",
                        cp -> cp > 0x7F && Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN),
                anyCodePoint(Kind.SCRIPTS, "a letter of a script other than Latin", cp -> Character.isLetter(cp)
                        && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
                        && Character.UnicodeScript.of(cp) != Character.UnicodeScript.COMMON),
                anyCodePoint(Kind.SCRIPTS, "a right-to-left letter", cp -> Character.isLetter(cp)
                        && (Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)),
                anyCodePoint(Kind.SCRIPTS, "a CJK ideograph", Character::isIdeographic),
                anyCodePoint(Kind.SCRIPTS, "a Hangul syllable",
                        cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL),
                anyCodePoint(Kind.SCRIPTS, "a letter of a script written without spaces (Thai, kana)",
                        cp -> Character.isLetter(cp) && unspaced.contains(Character.UnicodeScript.of(cp))),
                anyCodePoint(Kind.PUNCTUATION, "punctuation beyond ASCII", cp -> cp > 0x7F && punctuation(cp)),
                anyCodePoint(Kind.PUNCTUATION, "an opening or closing quotation mark (Pi, Pf)",
                        cp -> Character.getType(cp) == Character.INITIAL_QUOTE_PUNCTUATION
                                || Character.getType(cp) == Character.FINAL_QUOTE_PUNCTUATION));
    }

    /** Pictograph, optional selector or modifier, ZWJ, pictograph. */
    static Trap zwjSequence() {
        return new Trap(Kind.EMOJI_SEQUENCES, "an emoji ZWJ sequence", s -> {
            int[] cps = s.codePoints().toArray();
            for (int i = 1; i + 1 < cps.length; i++) {
                if (cps[i] != 0x200D || !Character.isExtendedPictographic(cps[i + 1])) {
                    continue;
                }
                int before = cps[i - 1];
                boolean extended = before == 0xFE0F || Character.isEmojiModifier(before);
                if (Character.isExtendedPictographic(before) || extended && i >= 2 && Character.isExtendedPictographic(cps[i - 2])) {
                    return true;
                }
            }
            return false;
        });
    }

    static boolean punctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traps")
    void theDefaultGeneratorReachesItWithinTheDefaultTries(Trap trap) {
        long hits = samples().stream().filter(trap.foundIn()).count();
        assertTrue(hits >= LEAST_HITS, trap + ": reached in " + hits + " of " + Samples.DEFAULT_TRIES
                + " tries, expected at least " + LEAST_HITS);
    }

    @Test
    void everyKindIsCheckedByAtLeastOneClass() {
        Set<Kind> checked = traps().map(Trap::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        assertEquals(EnumSet.allOf(Kind.class), checked);
    }

    @Test
    void generatedTextIsWellFormedAndWithinItsLength() {
        for (String s : samples()) {
            assertTrue(TextArbitraries.wellFormed(s), s);
            assertTrue(s.codePointCount(0, s.length()) <= 200, s);
        }
        for (String s : Samples.draw(TextArbitraries.unicodeText(3, 5), 300, SEED)) {
            int n = s.codePointCount(0, s.length());
            assertTrue(n >= 3 && n <= 5, n + " code points: " + s);
            assertTrue(TextArbitraries.wellFormed(s), s);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachKindAloneGivesWellFormedFragments(Kind kind) {
        for (String s : Samples.draw(kind.fragments(), 200, SEED)) {
            assertTrue(!s.isEmpty() && TextArbitraries.wellFormed(s), kind + " fragment " + s);
        }
    }

    @Test
    void textOfChosenKindsHoldsOnlyThoseKinds() {
        for (String s : Samples.draw(TextArbitraries.unicodeText(1, 40, Kind.SPACES), 200, SEED)) {
            assertTrue(s.codePoints().allMatch(Character::isSpaceChar), s);
        }
        for (String s : Samples.draw(TextArbitraries.unicodeText(0, 40, Kind.ASCII), 200, SEED)) {
            assertTrue(s.chars().allMatch(c -> c < 0x80), s);
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TextArbitraries.unicodeText(0, 5,
                new Kind[0]));
        assertEquals("kinds must name at least one kind, but was none", none.getMessage());
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class, () -> TextArbitraries.unicodeText(5, 4));
        assertEquals("maxCodePoints must be >= minCodePoints=5, but was 4", bounds.getMessage());
    }

    @Test
    void wellFormedRejectsUnpairedSurrogates() {
        assertTrue(TextArbitraries.wellFormed("a\uD83D\uDE00"));
        assertTrue(!TextArbitraries.wellFormed("a\uD83D"));
        assertTrue(!TextArbitraries.wellFormed("\uDE00a"));
    }
}
