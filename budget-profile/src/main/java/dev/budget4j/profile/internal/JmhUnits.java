package dev.budget4j.profile.internal;

import java.util.Map;

/**
 * The score units JMH writes, as factors to nanoseconds: time per operation ({@code ns/op},
 * {@code us/op}, ...) for the {@code avgt}, {@code ss} and {@code sample} modes, and operations per
 * time ({@code ops/s}, {@code ops/ms}, ...) for {@code thrpt}. The time abbreviations are JMH's own:
 * {@code ns}, {@code us}, {@code ms}, {@code s}, {@code min}, {@code hr}, {@code day}.
 */
final class JmhUnits {
    private static final Map<String, Double> NANOS_PER = Map.of("ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9, "hr", 3_600e9, "day", 86_400e9);
    private static final String TIMES = "ns, us, ms, s, min, hr or day";

    private JmhUnits() {
    }

    /**
     * Nanoseconds per unit of a time-per-operation score.
     *
     * @param unit e.g. {@code us/op}
     * @param mode the entry's mode, for the message
     * @return e.g. 1000 for {@code us/op}
     * @throws IllegalArgumentException naming the unit when it is not a time per operation
     */
    static double nanosPerOp(String unit, String mode) {
        Double f = unit.endsWith("/op") ? NANOS_PER.get(unit.substring(0, unit.length() - 3)) : null;
        if (f == null) {
            throw new IllegalArgumentException("primaryMetric.scoreUnit must be a time per operation (<time>/op, time one of "
                    + TIMES + ") in " + mode + " mode, but was \"" + ReadLimits.excerpt(unit) + "\"");
        }
        return f;
    }

    /**
     * Operations per second for one unit of a throughput score.
     *
     * @param unit e.g. {@code ops/ms}
     * @return e.g. 1000 for {@code ops/ms}
     * @throws IllegalArgumentException naming the unit when it is not operations per time
     */
    static double opsPerSecond(String unit) {
        Double f = unit.startsWith("ops/") ? NANOS_PER.get(unit.substring(4)) : null;
        if (f == null) {
            throw new IllegalArgumentException("primaryMetric.scoreUnit must be operations per time (ops/<time>, time one of "
                    + TIMES + ") in thrpt mode, but was \"" + ReadLimits.excerpt(unit) + "\"");
        }
        return 1e9 / f;
    }
}
