package dev.budget4j.benchmarks.validity;

import java.util.Locale;

/** What the candidate side runs: the same code (A/A) or the same code with planted extra work (A/B). */
enum Variant {
    /** Identical code on both sides: every REGRESSION is a false alarm. */
    AA("aa", 0.0),
    /** 10% more work per call on the candidate side. */
    AB10("ab10", 0.10),
    /** 25% more work per call on the candidate side. */
    AB25("ab25", 0.25);

    private final String label;
    private final double extra;

    Variant(String label, double extra) {
        this.label = label;
        this.extra = extra;
    }

    /** @return the name used on the command line and in the CSV */
    String label() {
        return label;
    }

    /** @return the planted extra work, a fraction */
    double extra() {
        return extra;
    }

    /** @return the JVM option that plants the extra work */
    String jvmArg() {
        return "-D" + ValidityWorkloads.EXTRA_PROPERTY + "=" + String.format(Locale.ROOT, "%.2f", extra);
    }

    /**
     * @param label a {@link #label()}
     * @return the variant
     * @throws IllegalArgumentException naming the option and the value
     */
    static Variant of(String label) {
        for (Variant v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("--variants must list aa, ab10 or ab25, but listed '" + label + "'");
    }
}
