package dev.budget4j.rag;

import java.util.List;

/** Finds the scoring backend and chunker by name: the seam to budget4j's kernel backends. */
final class Backends {
    private Backends() {
    }

    /** @return names of the backends this build can run */
    static List<String> available() {
        return List.of("java");
    }

    /** @return the backend picked when none is asked for */
    static String active() {
        return "java";
    }

    static ScoringBackend scoring(String name) {
        String n = name == null ? active() : name;
        if (!available().contains(n)) {
            throw new IllegalArgumentException("backend must be one of " + available() + " in this build, but was '"
                    + n + "'");
        }
        return new PlainScoring();
    }

    static Chunker chunker(String name) {
        return new JavaChunker();
    }
}
