package dev.budget4j.profile.internal;

import dev.budget4j.Budget;
import dev.budget4j.StageSnapshot;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.ForkRounds;
import dev.budget4j.profile.MachineFingerprint;
import dev.budget4j.profile.StageBaseline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/** The JSON form of a {@link Baseline}, schema version {@link Baseline#SCHEMA_VERSION}. */
public final class BaselineJson {
    static final String FORMAT = "budget4j-baseline";

    /** How the file writes a byte count that was not measured (allocation, RSS). */
    static final long NOT_MEASURED = -1;

    private BaselineJson() {
    }

    /** Writes a baseline as JSON. */
    public static String write(Baseline b) {
        return JsonWriter.write(toMap(b, true));
    }

    /** The baseline as maps; {@code full} adds histograms and per-round values. */
    public static Map<String, Object> toMap(Baseline b, boolean full) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("schemaVersion", (long) Baseline.SCHEMA_VERSION);
        root.put("createdAt", b.createdAt().toString());
        root.put("gitCommit", b.gitCommit().orElse(null));
        root.put("kernelBackend", b.kernelBackend().orElse(null));
        root.put("machine", machine(b.machine()));
        if (!b.notes().isEmpty()) {
            root.put("notes", new ArrayList<Object>(b.notes()));
        }
        Map<String, Object> stages = new LinkedHashMap<>();
        for (StageBaseline s : b.stages().values()) {
            stages.put(s.stage(), stage(s, full));
        }
        root.put("stages", stages);
        return root;
    }

    static Map<String, Object> machine(MachineFingerprint m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu", m.cpu());
        out.put("physicalCores", (long) m.physicalCores());
        out.put("logicalCores", (long) m.logicalCores());
        out.put("memoryBytes", m.memoryBytes());
        out.put("os", m.os());
        out.put("jvmVendor", m.jvmVendor());
        out.put("jvmVersion", m.jvmVersion());
        return out;
    }

    private static Map<String, Object> stage(StageBaseline b, boolean full) {
        StageSnapshot s = b.snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls", s.calls());
        out.put("failures", s.failures());
        out.put("elapsedNanos", s.elapsedNanos());
        Map<String, Object> pct = new LinkedHashMap<>();
        // Keys are dimension labels (p99.99), not display numbers: those round 99.99 to 100. Readers
        // ignore this summary (the histogram holds it), so files with the old "p100" key still read.
        for (double p : new double[] {50, 90, 95, 99, 99.9, 99.99}) {
            pct.put(dev.budget4j.Dimension.percentile(p).label(), s.percentileNanos(p));
        }
        pct.put("max", s.maxNanos());
        out.put("percentilesNanos", pct);
        out.put("throughputPerSecond", s.throughputPerSecond());
        out.put("allocatedBytes", s.allocatedBytes().orElse(NOT_MEASURED));
        out.put("allocatedBytesPerCall", s.allocatedBytesPerCall());
        out.put("peakRssBytes", s.peakRssBytes().orElse(NOT_MEASURED));
        out.put("rssGrowthBytes", s.rssGrowthBytes().orElse(NOT_MEASURED));
        out.put("budget", b.budget().map(Budget::toString).orElse(null));
        out.put("forkCount", (long) b.forkCount());
        if (full) {
            List<Object> forks = new ArrayList<>();
            for (ForkRounds f : b.forks()) {
                Map<String, Object> fork = new LinkedHashMap<>();
                if (f.pair() >= 0) {
                    fork.put("pair", (long) f.pair());
                }
                if (f.inStep()) {
                    fork.put("inStep", Boolean.TRUE);
                }
                fork.put("perRound", rounds(f.values()));
                forks.add(fork);
            }
            out.put("forks", forks);
            out.put("histogram", HistogramCodec.encode(s.histogram()));
        }
        return out;
    }

    private static Map<String, Object> rounds(Map<String, double[]> values) {
        Map<String, Object> rounds = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            List<Object> list = new ArrayList<>(v.length);
            for (double d : v) {
                list.add(d);
            }
            rounds.put(k, list);
        });
        return rounds;
    }

    /** Reads and validates a baseline file, within {@link ReadLimits}. */
    public static Baseline read(Path file) throws IOException {
        Object parsed = JsonReader.read(file, "baseline file");
        try {
            return fromMap(parsed, HistogramAllowance.forOneFile());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new BaselineFormatException(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static Baseline fromMap(Object parsed, HistogramAllowance allowance) {
        Map<String, Object> root = object(parsed, "the document");
        Object format = root.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\", but was " + describe(format));
        }
        long version = integer(root, "schemaVersion");
        if (version < 1 || version > Baseline.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + version + " is unknown; this version of budget4j reads 1 to "
                    + Baseline.SCHEMA_VERSION);
        }
        Baseline.Builder b = Baseline.builder()
                .createdAt(instant(root, "createdAt"))
                .gitCommit(optionalString(root, "gitCommit"))
                .machine(machineFrom(object(root.get("machine"), "machine")));
        String backend = optionalString(root, "kernelBackend");
        if (backend != null) {
            b.kernelBackend(backend);
        }
        Object notes = root.get("notes");
        if (notes != null) {
            if (!(notes instanceof List)) {
                throw new IllegalArgumentException("field notes must be an array of strings, but was " + describe(notes));
            }
            for (Object n : (List<?>) notes) {
                if (!(n instanceof String)) {
                    throw new IllegalArgumentException("field notes must hold strings, but held " + describe(n));
                }
                b.note((String) n);
            }
        }
        if (version == 1) {
            b.note("read from a schema 1 file: one JVM (fork) per stage, so between-JVM noise is unknown");
        }
        Map<String, Object> stages = object(root.get("stages"), "stages");
        for (Map.Entry<String, Object> e : stages.entrySet()) {
            b.stage(stageFrom(e.getKey(), object(e.getValue(), "stage '" + ReadLimits.name(e.getKey()) + "'"), version, allowance));
        }
        return b.build();
    }

    static MachineFingerprint machineFrom(Map<String, Object> m) {
        return new MachineFingerprint(string(m, "cpu"), (int) integer(m, "physicalCores"), (int) integer(m, "logicalCores"),
                integer(m, "memoryBytes"), string(m, "os"), string(m, "jvmVendor"), string(m, "jvmVersion"));
    }

    private static StageBaseline stageFrom(String name, Map<String, Object> m, long version, HistogramAllowance allowance) {
        String where = "stage '" + ReadLimits.name(name) + "'";
        Object h = m.get("histogram");
        if (!(h instanceof String)) {
            throw new IllegalArgumentException(where + " must have a histogram string, but had " + describe(h));
        }
        Histogram histogram;
        try {
            histogram = HistogramCodec.decode((String) h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        allowance.charge(histogram, where);
        long calls = integer(m, "calls");
        if (calls != histogram.getTotalCount()) {
            throw new IllegalArgumentException(where + ": calls is " + calls + " but the histogram holds "
                    + histogram.getTotalCount() + " values");
        }
        String budgetText = optionalString(m, "budget");
        Budget budget;
        try {
            budget = budgetText == null ? null : Budget.parse(budgetText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": budget does not parse: " + ReadLimits.reason(e.getMessage(), budgetText), e);
        }
        List<ForkRounds> forks = new ArrayList<>();
        if (version == 1) {
            Object pr = m.get("perRound");
            forks.add(ForkRounds.of(pr == null ? Map.of() : roundsFrom(pr, where + " perRound")));
        } else {
            Object f = m.get("forks");
            if (!(f instanceof List) || ((List<?>) f).isEmpty()) {
                throw new IllegalArgumentException(where + " must have a non-empty forks array, but had " + describe(f));
            }
            List<?> list = (List<?>) f;
            for (int i = 0; i < list.size(); i++) {
                String at = where + " forks[" + i + "]";
                Map<String, Object> fork = object(list.get(i), at);
                Object pair = fork.get("pair");
                int pairIndex = -1;
                if (pair != null) {
                    if (!(pair instanceof Long) || (Long) pair < 0 || (Long) pair > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(at + ".pair must be a whole number >= 0, but was " + describe(pair));
                    }
                    pairIndex = (int) (long) (Long) pair;
                }
                Object step = fork.get("inStep");
                if (step != null && !(step instanceof Boolean)) {
                    throw new IllegalArgumentException(at + ".inStep must be true or false, but was " + describe(step));
                }
                boolean inStep = Boolean.TRUE.equals(step);
                if (inStep && pairIndex < 0) {
                    throw new IllegalArgumentException(at + ".inStep must be false for a fork without a pair, but was true");
                }
                Object pr = fork.get("perRound");
                forks.add(new ForkRounds(pairIndex, inStep, pr == null ? Map.of() : roundsFrom(pr, at + ".perRound")));
            }
            Object count = m.get("forkCount");
            if (count != null && !Long.valueOf(forks.size()).equals(count)) {
                throw new IllegalArgumentException(where + ": forkCount is " + describe(count) + " but forks holds "
                        + forks.size());
            }
        }
        StageSnapshot figures;
        try {
            StageSnapshot.Builder fb = StageSnapshot.builder(name, histogram).failures(integer(m, "failures"))
                    .elapsedNanos(integer(m, "elapsedNanos"));
            bytesIfMeasured(m, "allocatedBytes").ifPresent(fb::allocatedBytes);
            OptionalLong peak = bytesIfMeasured(m, "peakRssBytes");
            OptionalLong growth = bytesIfMeasured(m, "rssGrowthBytes");
            if (peak.isPresent() && growth.isPresent()) {
                fb.rss(peak.getAsLong(), growth.getAsLong());
            }
            figures = fb.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return StageBaseline.fromForks(figures, forks, budget);
    }

    /**
     * A byte count the file writes as {@link #NOT_MEASURED} when it was not measured: that value
     * reads as empty, any other negative number is an error.
     */
    private static OptionalLong bytesIfMeasured(Map<String, Object> m, String key) {
        long v = integer(m, key);
        if (v == NOT_MEASURED) {
            return OptionalLong.empty();
        }
        Require.that(v >= 0, "field " + key, "must be >= 0, or " + NOT_MEASURED + " when not measured", v);
        return OptionalLong.of(v);
    }

    private static Map<String, double[]> roundsFrom(Object pr, String where) {
        Map<String, double[]> rounds = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(pr, where).entrySet()) {
            Object v = e.getValue();
            String field = where + "." + ReadLimits.excerpt(e.getKey());
            if (!(v instanceof List)) {
                throw new IllegalArgumentException(field + " must be an array, but was " + describe(v));
            }
            List<?> list = (List<?>) v;
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                Object x = list.get(i);
                if (x == null) {
                    values[i] = Double.NaN;
                } else if (x instanceof Number) {
                    values[i] = ((Number) x).doubleValue();
                } else {
                    throw new IllegalArgumentException(field + "[" + i + "] must be a number or null, but was " + describe(x));
                }
            }
            try {
                dev.budget4j.Dimension.ofLabel(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + " has an unknown dimension: " + ReadLimits.reason(ex.getMessage(), e.getKey()), ex);
            }
            rounds.put(e.getKey(), values);
        }
        return rounds;
    }

    /**
     * A parsed JSON object.
     *
     * @param v the parsed value
     * @param what what it is, for the message
     * @return the object's members
     * @throws IllegalArgumentException naming {@code what} when {@code v} is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object, but was " + describe(v));
        }
        return (Map<String, Object>) v;
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("field " + key + " must be a string, but was " + describe(v));
        }
        return (String) v;
    }

    static String optionalString(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("field " + key + " must be a string or null, but was " + describe(v));
        }
        return (String) v;
    }

    static long integer(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long)) {
            throw new IllegalArgumentException("field " + key + " must be a whole number, but was " + describe(v));
        }
        return (Long) v;
    }

    /**
     * A member holding an instant in ISO-8601 form, e.g. {@code 2025-01-02T03:04:05Z}.
     *
     * @param m the object
     * @param key the member's name
     * @return the instant
     * @throws IllegalArgumentException naming the member and quoting an excerpt of a bad value
     */
    public static Instant instant(Map<String, Object> m, String key) {
        String text = string(m, key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field " + key + " must be an instant such as 2025-01-02T03:04:05Z, but was \""
                    + ReadLimits.excerpt(text) + "\"", e);
        }
    }

    static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return Double.NaN;
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("field " + key + " must be a number, but was " + describe(v));
        }
        return ((Number) v).doubleValue();
    }

    /**
     * A parsed value as a message shows it: "missing" for null, a string as an
     * {@linkplain ReadLimits#excerpt excerpt} in quotes, "an object", "an array", or the number or boolean.
     *
     * @param v the value
     * @return the description
     */
    public static String describe(Object v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof String) {
            return "\"" + ReadLimits.excerpt((String) v) + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
