package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.Stage;
import java.util.List;
import java.util.SplittableRandom;

/** A small suite for fork tests: counts words in generated text; {@code -Dwordcount.extra=0.25} does 25% more words. */
public final class WordCountSuite implements StageSuite {
    @Override
    public List<SuiteStage<?>> stages() {
        double extra = Double.parseDouble(System.getProperty("wordcount.extra", "0"));
        Stage<String, Integer> count = Stage.of("wordcount", (String text) -> {
            int limit = (int) Math.min(text.length(), Math.round(text.length() / (1 + 0.25) * (1 + extra)));
            int words = 0;
            boolean in = false;
            for (int i = 0; i < limit; i++) {
                boolean letter = text.charAt(i) != ' ';
                if (letter && !in) {
                    words++;
                }
                in = letter;
            }
            return words;
        });
        return List.of(SuiteStage.of(count, WordCountSuite::text, Budget.parse("p99<=50ms")));
    }

    static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        while (b.length() < 2_000) {
            int len = 1 + random.nextInt(8);
            for (int i = 0; i < len; i++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            b.append(' ');
        }
        return b.toString();
    }
}
