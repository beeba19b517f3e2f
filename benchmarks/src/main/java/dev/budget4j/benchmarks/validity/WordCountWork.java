package dev.budget4j.benchmarks.validity;

/**
 * CPU-bound and allocation-free: counts the words of a text and hashes them (FNV-1a over each
 * word's characters, folded into one value). The answer is {@link Boolean#TRUE} or
 * {@link Boolean#FALSE} from the hash, so the whole text must be read and nothing is allocated.
 */
final class WordCountWork {
    private WordCountWork() {
    }

    static Boolean count(String text) {
        long h = 0xcbf29ce484222325L;
        long words = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (in) {
                    h = Long.rotateLeft(h, 7) ^ words;
                }
                in = false;
            } else {
                if (!in) {
                    words++;
                }
                in = true;
                h = (h ^ c) * 0x100000001b3L;
            }
        }
        return (h ^ words) == 42 ? Boolean.TRUE : Boolean.FALSE;
    }
}
