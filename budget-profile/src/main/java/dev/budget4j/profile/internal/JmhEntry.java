package dev.budget4j.profile.internal;

import dev.budget4j.Dimension;
import dev.budget4j.StageSnapshot;
import dev.budget4j.profile.ForkRounds;
import dev.budget4j.profile.StageBaseline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One entry of a JMH result file (one benchmark with one set of parameters, one mode) as a
 * {@link StageBaseline}. See {@link dev.budget4j.profile.JmhResults} for the mapping. A problem is
 * an {@link IllegalArgumentException} whose message names the field, the rule and the bad value;
 * {@link JmhJson} adds the file and the entry.
 */
final class JmhEntry {
    /**
     * Keys of the gc profiler's bytes-per-operation metric: current JMH writes it plain, older
     * versions with a leading middle dot (U+00B7).
     */
    static final List<String> ALLOC_METRICS = List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm");

    /** Latency dimensions taken from each iteration of a {@code sample} mode entry. */
    private static final List<Dimension> SAMPLED = List.of(Dimension.percentile(50), Dimension.percentile(90),
            Dimension.percentile(95), Dimension.percentile(99), Dimension.percentile(99.9), Dimension.MAX);

    /** Largest latency accepted from a sample, in nanoseconds (about 11.6 days). */
    private static final double MAX_NANOS = 1e15;

    final String benchmark;
    final String mode;
    final String stageName;
    final List<Integer> iterationsPerFork;
    final StageBaseline stage;

    private JmhEntry(String benchmark, String mode, String stageName, List<Integer> iterationsPerFork,
            StageBaseline stage) {
        this.benchmark = benchmark;
        this.mode = mode;
        this.stageName = stageName;
        this.iterationsPerFork = iterationsPerFork;
        this.stage = stage;
    }

    /**
     * Converts one entry.
     *
     * @param entry the entry's JSON object
     * @param allowance charged with the entry's histogram
     * @return the converted entry
     * @throws IllegalArgumentException naming the field, the rule and the bad value
     */
    static JmhEntry of(Map<String, Object> entry, HistogramAllowance allowance) {
        String benchmark = text(entry, "benchmark", "");
        String mode = text(entry, "mode", "");
        String name = benchmark + params(entry.get("params"));
        Map<String, Object> primary = BaselineJson.object(entry.get("primaryMetric"), "primaryMetric");
        String unit = text(primary, "scoreUnit", "primaryMetric.");
        Histogram merged = new Histogram(3);
        merged.setAutoResize(true);
        List<Map<String, double[]>> forks = switch (mode) {
            case "thrpt" -> throughput(primary, JmhUnits.opsPerSecond(unit), false);
            case "avgt", "ss" -> throughput(primary, JmhUnits.nanosPerOp(unit, mode), true);
            case "sample" -> sampled(primary.get("rawDataHistogram"), JmhUnits.nanosPerOp(unit, mode), merged);
            default -> throw new IllegalArgumentException("mode must be one of thrpt, avgt, sample or ss, but was \""
                    + ReadLimits.excerpt(mode) + "\"");
        };
        List<Integer> iterations = new ArrayList<>();
        forks.forEach(f -> iterations.add(f.values().iterator().next().length));
        alloc(entry.get("secondaryMetrics"), forks, iterations);
        List<ForkRounds> rounds = new ArrayList<>();
        forks.forEach(f -> rounds.add(ForkRounds.of(f)));
        allowance.charge(merged, "the samples");
        // JMH gives no failure count, wall time, total allocation or RSS: the figures keep the
        // builder's 0 failures and 0 ns, allocation and RSS stay not measured; the gc profiler's
        // bytes per operation, when present, is in the rounds.
        StageBaseline stage = StageBaseline.fromForks(StageSnapshot.builder(name, merged).build(), rounds, null);
        return new JmhEntry(benchmark, mode, name, List.copyOf(iterations), stage);
    }

    /** {@code [a=1,b=x]} with the keys sorted, or empty without parameters. */
    private static String params(Object params) {
        if (params == null) {
            return "";
        }
        Map<String, Object> map = BaselineJson.object(params, "params");
        if (map.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner(",", "[", "]");
        new TreeMap<>(map).forEach((k, v) -> {
            if (!(v instanceof String)) {
                throw new IllegalArgumentException("params." + ReadLimits.excerpt(k) + " must be a string, but was "
                        + BaselineJson.describe(v));
            }
            out.add(k + "=" + v);
        });
        return out.toString();
    }

    /**
     * Per-iteration throughput in operations per second: the score times {@code factor} for
     * {@code thrpt}; {@code 1e9 / (score * factor)} for a time per operation in nanoseconds.
     */
    private static List<Map<String, double[]>> throughput(Map<String, Object> primary, double factor, boolean timePerOp) {
        double[][] raw = matrix(primary.get("rawData"), "primaryMetric.rawData");
        List<Map<String, double[]>> forks = new ArrayList<>();
        for (int f = 0; f < raw.length; f++) {
            double[] tp = new double[raw[f].length];
            for (int i = 0; i < tp.length; i++) {
                double v = raw[f][i];
                if (timePerOp ? !(v > 0) : v < 0) {
                    throw new IllegalArgumentException("primaryMetric.rawData[" + f + "][" + i + "] must be "
                            + (timePerOp ? "> 0 (a time per operation)" : ">= 0 (operations per time)") + ", but was " + v);
                }
                tp[i] = timePerOp ? 1e9 / (v * factor) : v * factor;
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            values.put(Dimension.THROUGHPUT.label(), tp);
            forks.add(values);
        }
        return forks;
    }

    /** Per-iteration percentiles and max in nanoseconds from {@code rawDataHistogram}; every sample into {@code merged}. */
    private static List<Map<String, double[]>> sampled(Object raw, double nanosPerUnit, Histogram merged) {
        String field = "primaryMetric.rawDataHistogram";
        String shape = " must be an array (one per fork) of arrays (one per iteration) of [value, count] pairs, but was ";
        List<?> forkList = list(raw, field, shape);
        if (forkList.isEmpty()) {
            throw new IllegalArgumentException(field + " must hold at least one fork, but was empty");
        }
        List<Map<String, double[]>> forks = new ArrayList<>();
        for (int f = 0; f < forkList.size(); f++) {
            List<?> iterations = list(forkList.get(f), field + "[" + f + "]", " must be an array of iterations, but was ");
            if (iterations.isEmpty()) {
                throw new IllegalArgumentException(field + "[" + f + "] (fork " + (f + 1) + ") has no iterations: it must hold"
                        + " at least one");
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            SAMPLED.forEach(d -> values.put(d.label(), new double[iterations.size()]));
            for (int i = 0; i < iterations.size(); i++) {
                Histogram h = iteration(iterations.get(i), field + "[" + f + "][" + i + "]", nanosPerUnit);
                for (Dimension d : SAMPLED) {
                    values.get(d.label())[i] = d.kind() == Dimension.Kind.PERCENTILE
                            ? h.getValueAtPercentile(d.percentile()) : h.getMaxValue();
                }
                merged.add(h);
            }
            forks.add(values);
        }
        return forks;
    }

    private static Histogram iteration(Object raw, String field, double nanosPerUnit) {
        List<?> pairs = list(raw, field, " must be an array of [value, count] pairs, but was ");
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int k = 0; k < pairs.size(); k++) {
            String at = field + "[" + k + "]";
            List<?> pair = list(pairs.get(k), at, " must be a [value, count] pair, but was ");
            if (pair.size() != 2) {
                throw new IllegalArgumentException(at + " must be a [value, count] pair, but had " + pair.size() + " elements");
            }
            Object value = pair.get(0);
            Object count = pair.get(1);
            if (!(value instanceof Number) || !(((Number) value).doubleValue() >= 0)
                    || ((Number) value).doubleValue() * nanosPerUnit > MAX_NANOS) {
                throw new IllegalArgumentException(at + "[0] must be a finite number >= 0 and at most " + MAX_NANOS
                        + " ns once converted, but was " + BaselineJson.describe(value));
            }
            if (!(count instanceof Long) || (Long) count < 0) {
                throw new IllegalArgumentException(at + "[1] must be a whole number >= 0, but was "
                        + BaselineJson.describe(count));
            }
            h.recordValueWithCount(Math.round(((Number) value).doubleValue() * nanosPerUnit), (Long) count);
        }
        if (h.getTotalCount() == 0) {
            throw new IllegalArgumentException(field + " holds no samples: it must have at least one [value, count] pair"
                    + " with a count > 0");
        }
        return h;
    }

    /**
     * The gc profiler's bytes per operation, rounded to whole bytes, as {@code alloc}; nothing when
     * the metric is absent.
     */
    private static void alloc(Object secondary, List<Map<String, double[]>> forks, List<Integer> iterations) {
        if (secondary == null) {
            return;
        }
        Map<String, Object> metrics = BaselineJson.object(secondary, "secondaryMetrics");
        String key = ALLOC_METRICS.stream().filter(metrics::containsKey).findFirst().orElse(null);
        if (key == null) {
            return;
        }
        String field = "secondaryMetrics." + key;
        Map<String, Object> metric = BaselineJson.object(metrics.get(key), field);
        String unit = text(metric, "scoreUnit", field + ".");
        if (!unit.equals("B/op")) {
            throw new IllegalArgumentException(field + ".scoreUnit must be \"B/op\", but was \"" + ReadLimits.excerpt(unit) + "\"");
        }
        double[][] raw = matrix(metric.get("rawData"), field + ".rawData");
        if (raw.length != forks.size()) {
            throw new IllegalArgumentException(field + ".rawData must hold one array per fork of the primary metric ("
                    + forks.size() + "), but held " + raw.length);
        }
        for (int f = 0; f < raw.length; f++) {
            if (raw[f].length != iterations.get(f)) {
                throw new IllegalArgumentException(field + ".rawData[" + f + "] must hold one number per iteration of the"
                        + " primary metric (" + iterations.get(f) + "), but held " + raw[f].length);
            }
            double[] bytes = new double[raw[f].length];
            for (int i = 0; i < bytes.length; i++) {
                if (raw[f][i] < 0) {
                    throw new IllegalArgumentException(field + ".rawData[" + f + "][" + i + "] must be >= 0 bytes, but was "
                            + raw[f][i]);
                }
                bytes[i] = Math.rint(raw[f][i]);
            }
            forks.get(f).put(Dimension.ALLOCATION.label(), bytes);
        }
    }

    /** An array (per fork) of non-empty arrays (per iteration) of finite numbers. */
    private static double[][] matrix(Object raw, String field) {
        List<?> forks = list(raw, field, " must be an array of arrays of numbers (one array per fork, one number per"
                + " iteration), but was ");
        if (forks.isEmpty()) {
            throw new IllegalArgumentException(field + " must hold at least one fork, but was empty");
        }
        double[][] out = new double[forks.size()][];
        for (int f = 0; f < out.length; f++) {
            List<?> its = list(forks.get(f), field + "[" + f + "]", " must be an array of numbers (one per iteration), but was ");
            if (its.isEmpty()) {
                throw new IllegalArgumentException(field + "[" + f + "] (fork " + (f + 1) + ") has no iterations: it must hold"
                        + " at least one number");
            }
            out[f] = new double[its.size()];
            for (int i = 0; i < out[f].length; i++) {
                Object v = its.get(i);
                if (!(v instanceof Number) || !Double.isFinite(((Number) v).doubleValue())) {
                    throw new IllegalArgumentException(field + "[" + f + "][" + i + "] must be a finite number, but was "
                            + BaselineJson.describe(v));
                }
                out[f][i] = ((Number) v).doubleValue();
            }
        }
        return out;
    }

    private static List<?> list(Object v, String field, String rule) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(field + rule + BaselineJson.describe(v));
        }
        return (List<?>) v;
    }

    private static String text(Map<String, Object> m, String key, String prefix) {
        Object v = m.get(key);
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new IllegalArgumentException(prefix + key + " must be a non-blank string, but was "
                    + BaselineJson.describe(v));
        }
        return (String) v;
    }
}
