package com.example.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words at whitespace, as {@link Character#isWhitespace(int)} defines it: the
 * code that the getting-started guide holds to a budget and checks against a reference.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /**
     * The reference: one code point at a time, written to be obviously right.
     *
     * @param text any text, not null
     * @return the words, in order, none empty
     */
    public static List<String> plain(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The fast one: one pass over the {@code char}s and one substring per word. Checking
     * {@code char}s is enough because no whitespace lies outside the Basic Multilingual Plane,
     * and a surrogate is never whitespace.
     *
     * @param text any text, not null
     * @return the words, in order, none empty
     */
    public static List<String> fast(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /**
     * What many people write first, and what the guide's property catches: regex {@code \s}
     * means ASCII whitespace only, so it keeps U+3000, U+2003 or U+001F inside words.
     *
     * @param text any text, not null
     * @return the words, in order, none empty
     */
    public static List<String> regex(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
