package dev.budget4j.benchmarks.validity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the experiment reads from a gate's console report: the status on the first line, the p50
 * row's ratio and interval, every dimension that did not pass, and, for sequential gates, how many
 * pairs or forks ran and why it stopped.
 *
 * @param status PASS, REGRESSION or INCONCLUSIVE, or "?" when the first line is not a gate line
 * @param runs pairs or candidate forks of a sequential gate, 1 for {@code compare}
 * @param stop why a sequential gate stopped ("decided", "time cap", "run cap"), "-" for {@code compare}
 * @param p50 the p50 ratio, NaN when absent
 * @param p50Low the p50 interval's lower end, NaN when absent
 * @param p50High the p50 interval's upper end, NaN when absent
 * @param flags dimensions that did not pass, as {@code dim:STATUS} joined by {@code ;}, or "-"
 */
record GateOutput(String status, int runs, String stop, double p50, double p50Low, double p50High, String flags) {
    private static final Pattern FIRST = Pattern.compile("^budget4j gate: (\\w+)");
    private static final Pattern ROW = Pattern.compile(
            "^\\s+(p50|p90|p95|p99|p99\\.9|max|throughput|alloc|rss|errors)\\s+\\S+\\s+.*?\\s(\\d+\\.\\d+|-)x?\\s+(\\[(\\S+), (\\S+)]|exact|-)\\s+(PASS|REGRESSION|INCONCLUSIVE|IMPROVEMENT)\\b");
    private static final Pattern SUMMARY = Pattern.compile("; (\\d+) (pairs|candidate forks) in [\\d.]+ s; stopped: (.*)$");

    /**
     * Reads a console report.
     *
     * @param stdout the gate's standard output
     * @return what was found
     */
    static GateOutput parse(String stdout) {
        String status = "?";
        int runs = 1;
        String stop = "-";
        double p50 = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        List<String> flags = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            Matcher m = FIRST.matcher(line);
            if (status.equals("?") && m.find()) {
                status = m.group(1);
                continue;
            }
            m = ROW.matcher(line);
            if (m.find()) {
                String dim = m.group(1);
                String dimStatus = m.group(6);
                if (dim.equals("p50")) {
                    p50 = number(m.group(2));
                    lo = m.group(4) == null ? Double.NaN : number(m.group(4));
                    hi = m.group(5) == null ? Double.NaN : number(m.group(5));
                }
                if (!dimStatus.equals("PASS") && !dimStatus.equals("IMPROVEMENT")) {
                    flags.add(dim + ":" + dimStatus);
                }
                continue;
            }
            m = SUMMARY.matcher(line);
            if (m.find()) {
                runs = Integer.parseInt(m.group(1));
                String reason = m.group(3);
                stop = reason.startsWith("decided") ? "decided" : reason.startsWith("time cap") ? "time cap"
                        : reason.startsWith("run cap") ? "run cap" : reason.replace(',', ' ');
            }
        }
        return new GateOutput(status, runs, stop, p50, lo, hi, flags.isEmpty() ? "-" : String.join(";", flags));
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
