package dev.budget4j.benchmarks.validity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation-heavy: splits a text into token strings (a new {@code String} per token), keeps them
 * in a list and counts them in a map; the map (at most {@link Texts#VOCABULARY} entries) is the
 * answer.
 */
final class TokenWork {
    private TokenWork() {
    }

    static Map<String, Integer> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == ' ') {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                }
                start = -1;
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokens) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }
}
