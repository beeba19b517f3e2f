package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.Reports;
import dev.budget4j.profile.internal.Units;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How each stage moved over the last N runs of a {@link RunHistory}: one row per run with p50,
 * p99, throughput and allocation, and p99's and throughput's change against the oldest run shown.
 */
public final class TrendReport {
    private final List<RunHistory.Entry> runs;

    private TrendReport(List<RunHistory.Entry> runs) {
        this.runs = List.copyOf(runs);
    }

    /**
     * The last {@code n} runs of a history.
     *
     * @param history the runs, oldest first, not null
     * @param n how many of the newest runs to show, {@code >= 1}
     * @return the report
     */
    public static TrendReport of(List<RunHistory.Entry> history, int n) {
        Require.notNull(history, "history");
        Require.atLeast(n, 1, "n");
        return new TrendReport(history.subList(Math.max(0, history.size() - n), history.size()));
    }

    /** {@return the runs shown, oldest first} */
    public List<RunHistory.Entry> runs() {
        return runs;
    }

    /** {@return Markdown: one table per stage} */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("## budget4j trend: last ").append(runs.size()).append(" runs\n");
        if (runs.isEmpty()) {
            return out.append("\nNo runs recorded.\n").toString();
        }
        Set<String> stages = new LinkedHashSet<>();
        runs.forEach(r -> stages.addAll(r.stages().keySet()));
        for (String stage : stages) {
            out.append("\n### `").append(stage).append("`\n\n| run | commit | p50 | p99 | p99 vs first | throughput | throughput vs first | alloc/call |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            double firstP99 = Double.NaN;
            double firstTp = Double.NaN;
            for (RunHistory.Entry r : runs) {
                var f = r.stages().get(stage);
                if (f == null) {
                    out.append("| ").append(r.createdAt()).append(" | ").append(shortCommit(r)).append(" | - | - | - | - | - | - |\n");
                    continue;
                }
                double p99 = f.getOrDefault("p99", Double.NaN);
                double tp = f.getOrDefault("throughput", Double.NaN);
                if (Double.isNaN(firstP99)) {
                    firstP99 = p99;
                }
                if (Double.isNaN(firstTp)) {
                    firstTp = tp;
                }
                out.append("| ").append(r.createdAt()).append(" | ").append(shortCommit(r))
                        .append(" | ").append(Units.nanos(f.getOrDefault("p50", Double.NaN)))
                        .append(" | ").append(Units.nanos(p99))
                        .append(" | ").append(change(p99, firstP99))
                        .append(" | ").append(Reports.value(Dimension.THROUGHPUT, tp))
                        .append(" | ").append(change(tp, firstTp))
                        .append(" | ").append(Units.bytes(f.getOrDefault("alloc", Double.NaN))).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String shortCommit(RunHistory.Entry r) {
        return r.commit().map(c -> c.substring(0, Math.min(12, c.length()))).orElse("-");
    }

    private static String change(double v, double first) {
        if (Double.isNaN(v) || Double.isNaN(first) || first == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (v / first - 1) * 100);
    }

    @Override
    public String toString() {
        return toMarkdown();
    }

}
