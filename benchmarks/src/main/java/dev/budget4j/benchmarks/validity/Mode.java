package dev.budget4j.benchmarks.validity;

/** How a gate measures: the command-line workflows compared by {@link GateValidity}. */
enum Mode {
    /** Today's way: one JVM for the baseline, one for the current run, {@code compare} at 95%. */
    SINGLE("single"),
    /** A stored baseline of 3 forks (an earlier job), then {@code gate --min-forks 3}, sequential. */
    FORKED("forked"),
    /** {@code interleave}: baseline and candidate forks in randomized pairs, sequential, paired. */
    INTERLEAVED("interleaved"),
    /** {@code interleave --duet}: both halves of each pair at the same time. */
    DUET("duet");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in the CSV */
    String label() {
        return label;
    }

    /**
     * @param label a {@link #label()}
     * @return the mode
     * @throws IllegalArgumentException naming the option and the value
     */
    static Mode of(String label) {
        for (Mode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--modes must list single, forked, interleaved or duet, but listed '" + label + "'");
    }
}
