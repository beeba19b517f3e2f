package dev.budget4j.benchmarks.validity;

import java.util.SplittableRandom;

/** Generated text for the validity workloads: words of 1 to 10 lowercase letters from a fixed vocabulary, separated by spaces. */
final class Texts {
    /** Distinct words the text is drawn from, so a map of word counts stays small. */
    static final int VOCABULARY = 512;
    private static final String[] WORDS = vocabulary(VOCABULARY);

    private Texts() {
    }

    /**
     * Text of at least {@code chars} characters.
     *
     * @param random the seeded source
     * @param chars the least length
     * @return words separated by single spaces
     */
    static String of(SplittableRandom random, int chars) {
        StringBuilder b = new StringBuilder(chars + 16);
        while (b.length() < chars) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return b.toString();
    }

    private static String[] vocabulary(int size) {
        SplittableRandom random = new SplittableRandom(20240601L);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            char[] w = new char[1 + random.nextInt(10)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(w);
        }
        return words;
    }
}
