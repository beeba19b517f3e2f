package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.internal.util.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-round values one JVM (one fork) measured for a stage. A {@link StageBaseline} keeps one
 * of these per fork, so the gate can tell noise between rounds from noise between JVM launches.
 *
 * @param pair the index of the interleaved pair this fork belongs to ({@code >= 0}), or {@code -1}
 *     when the fork was not measured as half of a pair
 * @param inStep whether this fork ran its rounds in step with the other half of its pair, trading
 *     CPUs with it every round (a duet pair: round {@code r} of one half ran at the same moment as
 *     round {@code r} of the other); only for a paired fork
 * @param values per-round values keyed by dimension label ({@code p99}, {@code throughput}, ...);
 *     copied, and handed out as copies by {@link #values(Dimension)}
 */
public record ForkRounds(int pair, boolean inStep, Map<String, double[]> values) {

    /**
     * Validates and copies.
     *
     * @param pair see the record description
     * @param inStep see the record description
     * @param values see the record description
     */
    public ForkRounds {
        Require.that(pair >= -1, "pair", "must be >= 0, or -1 for an unpaired fork", pair);
        if (inStep && pair < 0) {
            throw new IllegalArgumentException("inStep must be false for an unpaired fork (pair -1), but was true");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        Require.notNull(values, "values").forEach((k, v) -> {
            Dimension.ofLabel(k);
            copy.put(k, Require.notNull(v, "values." + k).clone());
        });
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * A fork whose rounds did not run in step with another fork's.
     *
     * @param pair see the record description
     * @param values see the record description
     */
    public ForkRounds(int pair, Map<String, double[]> values) {
        this(pair, false, values);
    }

    /**
     * An unpaired fork.
     *
     * @param values per-round values keyed by dimension label
     * @return the fork
     */
    public static ForkRounds of(Map<String, double[]> values) {
        return new ForkRounds(-1, values);
    }

    /**
     * The same values as half of pair {@code pair}.
     *
     * @param pair {@code >= 0}
     * @return a copy with the pair index
     */
    public ForkRounds inPair(int pair) {
        return inPair(pair, false);
    }

    /**
     * The same values as half of pair {@code pair}, its rounds in step with the other half's or not.
     *
     * @param pair {@code >= 0}
     * @param inStep whether the rounds ran in step with the other half's (see the record description)
     * @return a copy with the pair index and the flag
     */
    public ForkRounds inPair(int pair, boolean inStep) {
        Require.atLeast(pair, 0, "pair");
        return new ForkRounds(pair, inStep, values);
    }

    /**
     * One dimension's per-round values.
     *
     * @param dimension the dimension, not null
     * @return one value per round (NaN where not measured); empty when this fork has none for it
     */
    public double[] values(Dimension dimension) {
        double[] v = values.get(Require.notNull(dimension, "dimension").label());
        return v == null ? new double[0] : v.clone();
    }

    /** {@return the number of rounds (the longest series)} */
    public int rounds() {
        return values.values().stream().mapToInt(v -> v.length).max().orElse(0);
    }
}
