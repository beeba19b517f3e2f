package dev.budget4j.profile.equivalence;

import dev.budget4j.internal.util.Require;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik arbitraries for text stages (tokenizers, chunkers, normalizers, parsers): well-formed
 * Unicode strings built from fragments of every {@link Kind} of text on which two reasonable
 * implementations tend to disagree. ASCII intuitions break on all of them: {@code
 * Character.isWhitespace}, {@code Character.isSpaceChar}, regex {@code \s} and {@code
 * String.trim} each mean different spaces; {@code isDigit} accepts digits that {@code [0-9]}
 * rejects; {@code String.toUpperCase} changes lengths; one user-perceived character can be many
 * {@code char}s or many code points. Needs {@code net.jqwik:jqwik} on the test path.
 *
 * <p>What the default {@link #unicodeText()} covers (each kind is reached within jqwik's default
 * 1,000 tries; the module's tests check every one by its Java or Unicode property, with a fixed
 * seed):
 * <ul>
 *   <li>{@link Kind#ASCII} printable ASCII, tab and newline: about 40% of the fragments;</li>
 *   <li>{@link Kind#CONTROLS} C0 and C1 controls, information separators U+001C..U+001F;</li>
 *   <li>{@link Kind#LINE_BREAKS} CRLF, lone CR, NEL, U+2028, U+2029, VT, FF;</li>
 *   <li>{@link Kind#SPACES} no-break spaces and the other Unicode spaces;</li>
 *   <li>{@link Kind#INVISIBLES} zero-width and format characters (ZWJ, ZWNJ, BOM, soft hyphen, bidi controls);</li>
 *   <li>{@link Kind#COMBINING_MARKS} lone, stacked and enclosing marks;</li>
 *   <li>{@link Kind#NORMALIZATION} precomposed and decomposed forms, compatibility characters;</li>
 *   <li>{@link Kind#SUPPLEMENTARY} code points above U+FFFF (surrogate pairs): letters, digits, case pairs, emoji;</li>
 *   <li>{@link Kind#EMOJI_SEQUENCES} ZWJ sequences, skin tones, variation selectors, flags, keycaps;</li>
 *   <li>{@link Kind#CASE_TRAPS} Turkish i, ß, ligatures, final sigma, titlecase digraphs, Kelvin sign;</li>
 *   <li>{@link Kind#DIGITS} decimal digits beyond ASCII, and numbers that are not digits;</li>
 *   <li>{@link Kind#SCRIPTS} letters beyond Latin: Greek, Cyrillic, Hebrew and Arabic (right to
 *       left), Devanagari, Thai, CJK, kana, Hangul, fullwidth Latin;</li>
 *   <li>{@link Kind#PUNCTUATION} quotes, dashes, ellipsis, ideographic and fullwidth stops, U+FFFD.</li>
 * </ul>
 * Not covered: unpaired surrogates (every generated string is {@link #wellFormed(String)}; feed
 * malformed input to a stage separately if it must cope with it), and code points the running
 * JDK's Unicode version leaves unassigned are not excluded from the ranges.
 */
public final class TextArbitraries {
    /** How much more often an ASCII fragment is drawn than a fragment of each other kind. */
    private static final int ASCII_WEIGHT = 8;

    /**
     * The kinds of text the arbitraries draw fragments from. A fragment is one code point or a
     * short sequence that belongs together (CRLF, a letter and its marks, an emoji sequence).
     */
    public enum Kind {
        /** Printable ASCII U+0020..U+007E, tab and newline: the text every implementation gets right. */
        ASCII,
        /**
         * Control characters: NUL, BEL, ESC, DEL, the information separators U+001C..U+001F
         * ({@code Character.isWhitespace} true, regex {@code \s} false) and the C1 controls
         * U+0080..U+009F, NEL U+0085 among them.
         */
        CONTROLS,
        /**
         * Line breaks other than a lone LF: CRLF, a lone CR, NEL U+0085, LINE SEPARATOR U+2028,
         * PARAGRAPH SEPARATOR U+2029, VT and FF. {@code String.lines()} and {@code BufferedReader}
         * break only at LF, CR and CRLF; regex {@code \R} at all of them; regex {@code .} matches
         * none of NEL, U+2028, U+2029 (without DOTALL).
         */
        LINE_BREAKS,
        /**
         * Unicode spaces: the no-break spaces U+00A0, U+2007, U+202F ({@code Character.isSpaceChar}
         * true, {@code isWhitespace} false) and U+1680, U+2000..U+2006, U+2008..U+200A, U+205F,
         * U+3000 ({@code isWhitespace} true; regex {@code \s} false and {@code String.trim} keeps
         * them, {@code String.strip} removes them).
         */
        SPACES,
        /**
         * Invisible format characters (general category Cf): ZERO WIDTH SPACE U+200B (neither
         * whitespace nor a space to Java), ZWNJ U+200C, ZWJ U+200D, WORD JOINER U+2060, the byte
         * order mark U+FEFF, SOFT HYPHEN U+00AD, LRM/RLM U+200E/U+200F, the bidi embeddings and
         * isolates U+202A..U+202E and U+2066..U+2069, ARABIC LETTER MARK U+061C and MONGOLIAN VOWEL
         * SEPARATOR U+180E (a space before Unicode 6.3).
         */
        INVISIBLES,
        /**
         * Combining marks: U+0300..U+036F after a letter, at the start of a fragment, or stacked
         * two and three deep; the enclosing circle U+20DD; Devanagari vowel signs (spacing marks,
         * Mc) and Hebrew points.
         */
        COMBINING_MARKS,
        /**
         * The same text in different normal forms: precomposed letters (é U+00E9, Å U+00C5, Hangul
         * syllables), their decompositions (e U+0301, A U+030A, conjoining jamo), marks in
         * non-canonical order, singletons (ANGSTROM SIGN U+212B, OHM SIGN U+2126) and compatibility
         * characters that only NFKC folds (ﬁ U+FB01, fullwidth letters, superscript digits, ㎏).
         */
        NORMALIZATION,
        /**
         * Code points above U+FFFF, two {@code char}s each: mathematical letters and digits
         * U+1D400..U+1D7FF ({@code Character.isLetter(int)} true, {@code isLetter(char)} false for
         * each half), CJK Extension B, Deseret U+10400..U+1044F (upper and lower case pairs),
         * Gothic, musical symbols, and emoji U+1F300..U+1FAFF.
         */
        SUPPLEMENTARY,
        /**
         * Emoji that are several code points but one user-perceived character: ZWJ sequences (👩‍💻),
         * skin-tone modifiers U+1F3FB..U+1F3FF, the variation selectors U+FE0E (text) and U+FE0F
         * (emoji), flags (two regional indicators), keycaps (digit, U+FE0F, U+20E3) and tag
         * sequences (a subdivision flag).
         */
        EMOJI_SEQUENCES,
        /**
         * Case mappings that break ASCII assumptions: dotless ı U+0131 and dotted İ U+0130 (which
         * lower-cases to two {@code char}s; Turkish rules differ again), ß and the ligatures ﬀ ﬁ ﬂ
         * (upper-case to two letters), ŉ and ΐ (to two and three), Greek capital sigma in words
         * ({@code String.toLowerCase} picks final ς at a word's end), the titlecase digraphs ǅ ǈ ǋ
         * ǲ (neither upper nor lower case), KELVIN SIGN U+212A and long s ſ (whose case mappings
         * are ASCII k and S).
         */
        CASE_TRAPS,
        /**
         * Decimal digits beyond ASCII ({@code Character.isDigit} true, {@code [0-9]} and regex
         * {@code \d} false, {@code Integer.parseInt} accepts them): Arabic-Indic, Extended
         * Arabic-Indic, Devanagari, Bengali, Thai, fullwidth and mathematical digits; and numbers
         * that are not digits ({@code isDigit} false): superscripts ² ³ ¹, fractions ½ ¼ ¾, Roman
         * numerals U+2160..U+2188.
         */
        DIGITS,
        /**
         * Letters beyond ASCII: Latin-1 and Latin Extended-A letters, Greek, Cyrillic (look-alikes
         * of Latin letters), Hebrew and Arabic (right to left), Devanagari, Thai and kana (written
         * without spaces between words), CJK ideographs, Hangul syllables, fullwidth Latin letters.
         */
        SCRIPTS,
        /**
         * Punctuation beyond ASCII: curly quotes, guillemets, dashes U+2010..U+2015, ellipsis
         * U+2026, inverted ¡ ¿, the ideographic comma and full stop U+3001/U+3002, fullwidth
         * stops, Arabic comma and question mark, the Devanagari danda, bullets and U+FFFD
         * REPLACEMENT CHARACTER.
         */
        PUNCTUATION;

        /** {@return one fragment of this kind: a code point or a short sequence, never empty} */
        public Arbitrary<String> fragments() {
            switch (this) {
                case ASCII:
                    return Arbitraries.frequencyOf(
                            Tuple.of(12, range(0x20, 0x7E)),
                            Tuple.of(3, Arbitraries.of(" ")),
                            Tuple.of(1, Arbitraries.of("\n", "\t")));
                case CONTROLS:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u0000", "\u0007", "\u001B", "\u007F", "\u0085"),
                            range(0x1C, 0x1F), range(0x80, 0x9F), range(0x01, 0x08), range(0x0E, 0x1B));
                case LINE_BREAKS:
                    return Arbitraries.of("\r\n", "\r", "\u0085", "\u2028", "\u2029", "\u000B", "\u000C", "\r\n\r\n");
                case SPACES:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u00A0", "\u2007", "\u202F"),
                            Arbitraries.of("\u1680", "\u205F", "\u3000", "\u2008", "\u2009", "\u200A"),
                            range(0x2000, 0x2006));
                case INVISIBLES:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"),
                            Arbitraries.of("\u200E", "\u200F", "\u061C", "\u180E"),
                            range(0x202A, 0x202E), range(0x2066, 0x2069));
                case COMBINING_MARKS:
                    Arbitrary<String> mark = range(0x0300, 0x036F);
                    return Arbitraries.oneOf(
                            mark,
                            Arbitraries.of("a", "e", "o", "n", "A", " ").flatMap(base -> mark.map(m -> base + m)),
                            mark.list().ofMinSize(2).ofMaxSize(3).map(marks -> String.join("", marks)),
                            Arbitraries.of("\u20DD", "a\u20DD", "\u0915\u093E", "\u0915\u093F", "\u05E9\u05B0", "\u093E"));
                case NORMALIZATION:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u00E9", "e\u0301", "\u00C5", "A\u030A", "\u212B", "\u2126", "\u00F1", "n\u0303"),
                            Arbitraries.of("\u1EC7", "e\u0323\u0302", "e\u0302\u0323", "\u01FA", "A\u0301\u030A"),
                            range(0xAC00, 0xD7A3),
                            Arbitraries.of("\u1112\u1161\u11AB", "\u1100\u1161", "\u1100\u1161\u11A8"),
                            Arbitraries.of("\uFB01", "\uFB00", "\uFF21", "\uFF41", "\u00B2", "\u2460", "\u338F", "\u2167",
                                    "\u00BD", "\u3000", "\u1D43", "\u2122"));
                case SUPPLEMENTARY:
                    return Arbitraries.oneOf(
                            range(0x1D400, 0x1D7FF), range(0x20000, 0x2A6DF), range(0x10400, 0x1044F),
                            range(0x10330, 0x1034A), Arbitraries.of("\uD834\uDD1E"), range(0x1F300, 0x1FAFF));
                case EMOJI_SEQUENCES:
                    Arbitrary<String> person = Arbitraries.of("\uD83D\uDC69", "\uD83D\uDC68", "\uD83E\uDDD1", "\uD83D\uDC67",
                            "\uD83D\uDC66");
                    Arbitrary<String> object = Arbitraries.of("\uD83D\uDCBB", "\uD83D\uDE80", "\uD83C\uDF73", "\uD83D\uDD2C",
                            "\uD83C\uDFA8", "\u2695\uFE0F");
                    Arbitrary<String> tone = range(0x1F3FB, 0x1F3FF);
                    Arbitrary<String> indicator = range(0x1F1E6, 0x1F1FF);
                    return Arbitraries.oneOf(
                            person.flatMap(p -> object.map(o -> p + "\u200D" + o)),
                            Arbitraries.of("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                                    "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "\u2764\uFE0F\u200D\uD83D\uDD25"),
                            Arbitraries.of("\uD83D\uDC4D", "\u270B", "\uD83D\uDC4B", "\uD83E\uDDD1")
                                    .flatMap(hand -> tone.map(t -> hand + t)),
                            Arbitraries.of("\u2764\uFE0F", "\u263A\uFE0E", "\u263A\uFE0F", "\u2603\uFE0F", "\u00A9\uFE0F",
                                    "\u2122\uFE0E"),
                            indicator.flatMap(a -> indicator.map(b -> a + b)),
                            Arbitraries.of("1\uFE0F\u20E3", "#\uFE0F\u20E3", "*\uFE0F\u20E3"),
                            Arbitraries.of("\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F"));
                case CASE_TRAPS:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u0131", "\u0130", "i\u0307", "\u00DF", "\u1E9E", "\uFB00", "\uFB01", "\uFB02",
                                    "\u0149", "\u0390", "\u03B0"),
                            Arbitraries.of("\u039F\u0394\u039F\u03A3", "\u03A3", "\u03C3\u03C2", "\u0391\u03A3\u0391"),
                            Arbitraries.of("\u01C5", "\u01C8", "\u01CB", "\u01F2", "\u01C4", "\u01C6"),
                            Arbitraries.of("\u212A", "\u017F", "\u212B", "\u00B5", "\u03BC", "\u1E9B"));
                case DIGITS:
                    return Arbitraries.oneOf(
                            range(0x0660, 0x0669), range(0x06F0, 0x06F9), range(0x0966, 0x096F), range(0x09E6, 0x09EF),
                            range(0x0E50, 0x0E59), range(0xFF10, 0xFF19), range(0x1D7CE, 0x1D7FF),
                            Arbitraries.of("\u00B2", "\u00B3", "\u00B9", "\u00BD", "\u00BC", "\u00BE", "\u2070", "\u2153"),
                            range(0x2160, 0x2188));
                case SCRIPTS:
                    return Arbitraries.oneOf(
                            range(0xC0, 0x17F), range(0x0391, 0x03C9), range(0x0410, 0x044F), range(0x05D0, 0x05EA),
                            range(0x0621, 0x064A), range(0x0905, 0x0939), range(0x0E01, 0x0E2E), range(0x4E00, 0x9FFF),
                            range(0x3041, 0x3096), range(0x30A1, 0x30FA), range(0xAC00, 0xD7A3), range(0xFF21, 0xFF3A));
                default:
                    return Arbitraries.oneOf(
                            Arbitraries.of("\u2018", "\u2019", "\u201C", "\u201D", "\u00AB", "\u00BB", "\u2039", "\u203A"),
                            range(0x2010, 0x2015),
                            Arbitraries.of("\u2026", "\u00A1", "\u00BF", "\u3001", "\u3002", "\uFF0E", "\uFF01", "\uFF1F",
                                    "\uFF0C", "\u060C", "\u061F", "\u0964", "\u2022", "\u00B7", "\uFFFD"));
            }
        }
    }

    private TextArbitraries() {
    }

    private static Arbitrary<String> range(int first, int last) {
        return Arbitraries.integers().between(first, last).map(Character::toString);
    }

    /**
     * One fragment of any kind: ASCII eight times as often as each other kind (about 40% of all
     * fragments), the twelve other kinds equally often (about 5% each).
     *
     * @return fragments of every {@link Kind}
     */
    public static Arbitrary<String> fragments() {
        return fragments(Kind.values());
    }

    /**
     * One fragment of the given kinds: {@link Kind#ASCII}, when among them, eight times as often as
     * each other kind.
     *
     * @param kinds at least one kind
     * @return fragments of those kinds
     */
    public static Arbitrary<String> fragments(Kind... kinds) {
        Set<Kind> set = kinds(kinds);
        List<Tuple2<Integer, Arbitrary<String>>> weighted = new ArrayList<>();
        for (Kind k : set) {
            weighted.add(Tuple.of(k == Kind.ASCII ? ASCII_WEIGHT : 1, k.fragments()));
        }
        return Arbitraries.frequencyOf(weighted);
    }

    private static Set<Kind> kinds(Kind... kinds) {
        Require.notNull(kinds, "kinds");
        Require.that(kinds.length > 0, "kinds", "must name at least one kind", "none");
        Set<Kind> set = EnumSet.noneOf(Kind.class);
        for (Kind k : kinds) {
            set.add(Require.notNull(k, "kinds element"));
        }
        return set;
    }

    /**
     * One code point, weighted like {@link #fragments()}: the first code point of a fragment.
     *
     * @return code points of every {@link Kind}
     */
    public static Arbitrary<Integer> codePoints() {
        return fragments().map(f -> f.codePointAt(0));
    }

    /**
     * Text of 0 to 200 code points from every {@link Kind}, as listed in the class description.
     *
     * @return well-formed text
     */
    public static Arbitrary<String> unicodeText() {
        return unicodeText(0, 200);
    }

    /**
     * Text from every {@link Kind}.
     *
     * @param minCodePoints the shortest text in code points, {@code >= 0}
     * @param maxCodePoints the longest text in code points, {@code >= minCodePoints}
     * @return well-formed texts of that length
     */
    public static Arbitrary<String> unicodeText(int minCodePoints, int maxCodePoints) {
        return unicodeText(minCodePoints, maxCodePoints, Kind.values());
    }

    /**
     * Text from the given kinds only, e.g. {@code unicodeText(1, 50, Kind.ASCII, Kind.SPACES)} for
     * a whitespace tokenizer. Fragments are joined, then cut to {@code maxCodePoints} code points
     * (which may cut the last sequence short, never a surrogate pair).
     *
     * @param minCodePoints the shortest text in code points, {@code >= 0}
     * @param maxCodePoints the longest text in code points, {@code >= minCodePoints}
     * @param kinds at least one kind
     * @return well-formed texts of that length
     */
    public static Arbitrary<String> unicodeText(int minCodePoints, int maxCodePoints, Kind... kinds) {
        Require.atLeast(minCodePoints, 0, "minCodePoints");
        Require.that(maxCodePoints >= minCodePoints, "maxCodePoints", "must be >= minCodePoints=" + minCodePoints, maxCodePoints);
        Kind[] chosen = kinds(kinds).toArray(new Kind[0]);
        return fragments(chosen).list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints).map(parts -> {
            StringBuilder s = new StringBuilder(parts.size() * 3);
            parts.forEach(s::append);
            int count = s.codePointCount(0, s.length());
            return count <= maxCodePoints ? s.toString() : s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
        });
    }

    /**
     * Checks that a string is well-formed UTF-16, as every generator here promises.
     *
     * @param text any text, not null
     * @return true when no surrogate in {@code text} is unpaired
     */
    public static boolean wellFormed(String text) {
        Require.notNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
