package dev.budget4j.profile.internal;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.profile.MachineFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** The text of an interval log ({@code .hlog}) of recordings: written with HdrHistogram's writer, read line by line. */
public final class HlogCodec {
    static final String META = "budget4j ";
    static final String MACHINE = "budget4j-machine ";
    static final String END = "budget4j-end ";

    private HlogCodec() {
    }

    /** The log's text: format version, start and base time, the machine, the legend, then per interval a comment and the histogram. */
    public static String write(List<Recording> intervals, MachineFingerprint machine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        HistogramLogWriter w = new HistogramLogWriter(out);
        long baseMs = intervals.stream().mapToLong(Recording::startEpochNanos).min().orElse(0) / 1_000_000;
        w.outputLogFormatVersion();
        w.outputStartTime(baseMs);
        w.setBaseTime(baseMs);
        w.outputBaseTime(baseMs);
        w.outputComment(MACHINE + "cpu=" + enc(machine.cpu()) + " physicalCores=" + machine.physicalCores() + " logicalCores="
                + machine.logicalCores() + " memoryBytes=" + machine.memoryBytes() + " os=" + enc(machine.os()) + " jvmVendor="
                + enc(machine.jvmVendor()) + " jvmVersion=" + enc(machine.jvmVersion()));
        w.outputComment("budget4j: latencies in nanoseconds; each interval follows a '#budget4j' line with what a histogram cannot hold");
        w.outputLegend();
        for (Recording r : intervals) {
            w.outputComment(META + "stage=" + enc(r.stage()) + " budget=" + r.budget().map(b -> enc(b.toString())).orElse("-")
                    + " failures=" + r.failures() + " allocated=" + r.allocatedBytes().orElse(-1) + " startNanos="
                    + r.startEpochNanos() + " endNanos=" + r.endEpochNanos() + " peakRss=" + r.peakRssBytes().orElse(-1)
                    + " rssGrowth=" + r.rssGrowthBytes().orElse(-1));
            Histogram h = r.histogram();
            h.setTag(enc(r.stage()));
            w.outputIntervalHistogram(r.startEpochNanos() / 1e9, r.endEpochNanos() / 1e9, h, 1e6);
        }
        w.outputComment(END + "intervals=" + intervals.size());
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The intervals of a log's lines, within a fresh {@link HistogramAllowance}; messages name the line. */
    public static List<Recording> read(List<String> lines) {
        return read(lines, HistogramAllowance.forOneFile());
    }

    static List<Recording> read(List<String> lines, HistogramAllowance allowance) {
        List<Recording> out = new ArrayList<>();
        double baseSec = 0;
        Map<String, String> meta = null;
        int metaLine = 0;
        boolean ours = false;
        int declared = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("\"")) {
                continue;
            }
            if (line.startsWith("#")) {
                String c = line.substring(1);
                if (c.startsWith(MACHINE)) {
                    ours = true;
                } else if (c.startsWith(END)) {
                    Map<String, String> f = fields(c.substring(END.length()), n);
                    try {
                        declared = Integer.parseInt(f.getOrDefault("intervals", "x"));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + n + ": the #budget4j-end line must count its intervals, but was '"
                                + abbreviate(c) + "'");
                    }
                } else if (c.startsWith("[BaseTime: ")) {
                    baseSec = seconds(c.substring("[BaseTime: ".length()), n);
                } else if (c.startsWith(META)) {
                    if (meta != null) {
                        throw new IllegalArgumentException("line " + metaLine + ": a #budget4j line has no interval after it");
                    }
                    meta = fields(c.substring(META.length()), n);
                    metaLine = n;
                }
                continue;
            }
            out.add(interval(line, n, baseSec, meta, allowance));
            meta = null;
        }
        if (meta != null) {
            throw new IllegalArgumentException("line " + metaLine + ": a #budget4j line has no interval after it (the log is truncated)");
        }
        if (ours && declared < 0) {
            throw new IllegalArgumentException("is truncated: it ends at line " + lines.size() + " without its #budget4j-end line");
        }
        if (declared >= 0 && declared != out.size()) {
            throw new IllegalArgumentException("holds " + out.size() + " intervals, but its #budget4j-end line counts " + declared);
        }
        return out;
    }

    /** The machine from a log's {@code #budget4j-machine} line, or null. */
    public static MachineFingerprint machine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#" + MACHINE)) {
                Map<String, String> f = fields(line.substring(1 + MACHINE.length()), i + 1);
                try {
                    return new MachineFingerprint(dec(f.get("cpu")), (int) whole(f, "physicalCores", Integer.MAX_VALUE),
                            (int) whole(f, "logicalCores", Integer.MAX_VALUE), whole(f, "memoryBytes", Long.MAX_VALUE),
                            dec(f.get("os")), dec(f.get("jvmVendor")), dec(f.get("jvmVersion")));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": the #budget4j-machine line is malformed: "
                            + ReadLimits.reason(e.getMessage()), e);
                }
            }
        }
        return null;
    }

    /** A whole number in {@code [0, max]} from a machine line's fields. */
    private static long whole(Map<String, String> f, String key, long max) {
        String v = f.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + "= is missing");
        }
        try {
            long x = Long.parseLong(v);
            if (x >= 0 && x <= max) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number in [0, " + max + "], but was '" + abbreviate(v) + "'");
    }

    private static Recording interval(String line, int n, double baseSec, Map<String, String> meta, HistogramAllowance allowance) {
        String tag = null;
        String rest = line;
        if (rest.startsWith("Tag=")) {
            int comma = rest.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("line " + n + ": an interval must look like [Tag=T,]start,length,max,histogram, but was '"
                        + abbreviate(line) + "'");
            }
            tag = dec(rest.substring(4, comma));
            rest = rest.substring(comma + 1);
        }
        String[] parts = rest.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("line " + n + ": an interval must have 4 fields (start, length, max, histogram), but has "
                    + parts.length + " (the log may be truncated)");
        }
        double start = seconds(parts[0], n);
        double length = seconds(parts[1], n);
        Histogram h;
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[3].strip());
            h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (Exception e) {
            throw new IllegalArgumentException("line " + n + ": the interval histogram is corrupt or truncated ("
                    + ReadLimits.reason(e.toString()) + ")", e);
        }
        allowance.charge(h, "line " + n);
        if (h.getNumberOfSignificantValueDigits() != Recording.PRECISION) {
            throw new IllegalArgumentException("line " + n + ": the interval histogram has " + h.getNumberOfSignificantValueDigits()
                    + " significant digits, but budget4j merges histograms of " + Recording.PRECISION);
        }
        try {
            if (meta == null) {
                long s = Math.round((baseSec + start) * 1e9);
                return Recording.of(tag == null ? "default" : tag, null, h, 0, OptionalLong.empty(), s, s + Math.round(length * 1e9),
                        OptionalLong.empty(), OptionalLong.empty());
            }
            String stage = dec(need(meta, "stage", n));
            if (tag != null && !tag.equals(stage)) {
                throw new IllegalArgumentException("the interval's tag '" + ReadLimits.name(tag)
                        + "' must name the stage of its #budget4j line, '" + ReadLimits.name(stage) + "'");
            }
            String budget = need(meta, "budget", n);
            return Recording.of(stage, budget.equals("-") ? null : budget(dec(budget)), h, number(meta, "failures", n),
                    measured(number(meta, "allocated", n)), number(meta, "startNanos", n), number(meta, "endNanos", n),
                    measured(number(meta, "peakRss", n)), measured(number(meta, "rssGrowth", n)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + n + ": " + ReadLimits.reason(e.getMessage()), e);
        }
    }

    private static Budget budget(String text) {
        try {
            return Budget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the budget does not parse: " + ReadLimits.reason(e.getMessage(), text), e);
        }
    }

    private static Map<String, String> fields(String text, int n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : text.strip().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + n + ": a budget4j comment must hold key=value pairs, but held '"
                        + abbreviate(kv) + "'");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    private static String need(Map<String, String> meta, String key, int n) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the #budget4j line before it must have " + key + "=, but has none");
        }
        return v;
    }

    private static long number(Map<String, String> meta, String key, int n) {
        String v = need(meta, key, n);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the #budget4j line before it must have a whole number " + key + "=, but has '"
                    + abbreviate(v) + "'");
        }
    }

    private static double seconds(String text, int n) {
        String t = text.strip();
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space);
        }
        try {
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d) || d < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + n + ": a time must be a number of seconds >= 0, but was '"
                    + abbreviate(t) + "'");
        }
    }

    /** Percent-encodes everything outside {@code [A-Za-z0-9._~-]}, so tags and values hold no spaces or commas. */
    static String enc(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~'
                    || c == '-') {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xFF));
            }
        }
        return b.toString();
    }

    static String dec(String s) {
        if (s == null) {
            throw new IllegalArgumentException("a field is missing");
        }
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return ReadLimits.excerpt(s);
    }

    /** The log writes -1 for "not measured"; any other negative is left for {@link Recording#of} to refuse. */
    private static OptionalLong measured(long value) {
        return value == -1 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
