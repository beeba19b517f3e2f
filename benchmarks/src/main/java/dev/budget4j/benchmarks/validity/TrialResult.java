package dev.budget4j.benchmarks.validity;

import java.time.Instant;
import java.util.Locale;

/**
 * One gate run of the experiment: which cell, what the gate said, and how long it took. One line
 * of the results CSV.
 *
 * @param finishedAt when the trial ended
 * @param workload the stage name
 * @param mode how the gate measured
 * @param variant A/A or the planted slowdown
 * @param exit the gate's exit code (0 pass or inconclusive, 1 regression)
 * @param status the first line's status
 * @param gateSeconds wall time of the gate: every JVM it launched, the baseline excluded
 * @param baselineSeconds wall time of measuring the stored baseline (0 for the interleaved modes, whose baseline side is inside the gate)
 * @param runs pairs or candidate forks, 1 for a single-JVM comparison
 * @param stop why a sequential gate stopped, "-" for {@code compare}
 * @param p50 the p50 ratio
 * @param p50Low the p50 interval's lower end
 * @param p50High the p50 interval's upper end
 * @param flags dimensions that did not pass
 * @param orderSeed the pair-order seed of an interleaved gate, 0 otherwise
 */
record TrialResult(Instant finishedAt, String workload, Mode mode, Variant variant, int exit, String status, double gateSeconds,
        double baselineSeconds, int runs, String stop, double p50, double p50Low, double p50High, String flags, long orderSeed) {

    /** The CSV header line. */
    static final String HEADER = "finished_at,workload,mode,variant,extra,exit,status,gate_s,baseline_s,runs,stop,p50_ratio,p50_low,p50_high,"
            + "flags,order_seed";

    /** @return the CSV line, without a line break */
    String toCsv() {
        return String.join(",", finishedAt.toString(), workload, mode.label(), variant.label(),
                String.format(Locale.ROOT, "%.2f", variant.extra()), Integer.toString(exit), status,
                String.format(Locale.ROOT, "%.2f", gateSeconds), String.format(Locale.ROOT, "%.2f", baselineSeconds),
                Integer.toString(runs), stop, num(p50), num(p50Low), num(p50High), flags, Long.toString(orderSeed));
    }

    /**
     * Reads a CSV line written by {@link #toCsv()}.
     *
     * @param line the line
     * @return the trial
     * @throws IllegalArgumentException naming the line when it does not have the columns
     */
    static TrialResult parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 16) {
            throw new IllegalArgumentException("results line must have 16 columns, but had " + f.length + ": " + line);
        }
        try {
            return new TrialResult(Instant.parse(f[0]), f[1], Mode.of(f[2]), Variant.of(f[3]), Integer.parseInt(f[5]), f[6],
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Integer.parseInt(f[9]), f[10], Double.parseDouble(f[11]),
                    Double.parseDouble(f[12]), Double.parseDouble(f[13]), f[14], Long.parseLong(f[15]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("results line is malformed (" + e.getMessage() + "): " + line, e);
        }
    }

    /** @return true when the gate failed the build (exit 1) */
    boolean regression() {
        return exit == 1;
    }

    /** @return true when the gate could not decide */
    boolean inconclusive() {
        return status.equals("INCONCLUSIVE");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
    }
}
