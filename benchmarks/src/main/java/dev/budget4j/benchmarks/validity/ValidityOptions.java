package dev.budget4j.benchmarks.validity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options of {@link GateValidity}, each {@code --name value} or {@code --name=value}.
 *
 * @param trials trials per cell, counting the ones already in the results file
 * @param workloads the stages
 * @param modes the gate modes
 * @param variants A/A and the planted slowdowns
 * @param out the results file
 * @param warmup warm-up calls per fork
 * @param iterations calls per round
 * @param rounds rounds per fork
 * @param maxTime the sequential gates' time cap, e.g. {@code 150s}
 * @param seed seed of the cell order and of the interleaved gates' pair order
 * @param jar the jar with the gate and the workloads, or null for the one this program runs from
 * @param reportOnly print the table of the results file without running anything
 */
record ValidityOptions(int trials, List<String> workloads, List<Mode> modes, List<Variant> variants, Path out, int warmup,
        int iterations, int rounds, String maxTime, long seed, Path jar, boolean reportOnly) {

    static final String USAGE = String.join("\n",
            "usage: java -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.validity.GateValidity [options]",
            "  --trials N          trials per cell, counting those already in --out (default 5)",
            "  --workloads LIST    comma-separated stages (default cpu.wordcount,alloc.tokens,memory.gather)",
            "  --modes LIST        single, forked, interleaved, duet (default single,forked,interleaved)",
            "  --variants LIST     aa, ab10, ab25 (default all three)",
            "  --out FILE          results CSV, appended per trial and resumed (default target/validity/results.csv)",
            "  --warmup N          warm-up calls per fork (default 5000)",
            "  --iterations N      calls per round (default 400)",
            "  --rounds N          rounds per fork (default 5)",
            "  --max-time T        time cap of the sequential gates, e.g. 150s or 3m (default 150s)",
            "  --seed N            seed of the cell order and pair order (default 1)",
            "  --jar FILE          the jar with the gate and the workloads (default: the one this runs from)",
            "  --report-only       print the summary of --out and exit");

    private static final List<String> VALUED = List.of("--trials", "--workloads", "--modes", "--variants", "--out", "--warmup",
            "--iterations", "--rounds", "--max-time", "--seed", "--jar");
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h)");

    /**
     * Parses the arguments.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the option and the bad value
     */
    static ValidityOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        boolean reportOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (name.equals("--report-only")) {
                reportOnly = true;
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            if (v.put(name, value) != null) {
                throw new IllegalArgumentException("option " + name + " must be given once");
            }
        }
        List<String> workloads = list(v.getOrDefault("--workloads", String.join(",", ValidityWorkloads.NAMES)), "--workloads");
        for (String w : workloads) {
            if (!ValidityWorkloads.NAMES.contains(w)) {
                throw new IllegalArgumentException("--workloads must list " + ValidityWorkloads.NAMES + ", but listed '" + w + "'");
            }
        }
        List<Mode> modes = new ArrayList<>();
        list(v.getOrDefault("--modes", "single,forked,interleaved"), "--modes").forEach(m -> modes.add(Mode.of(m)));
        List<Variant> variants = new ArrayList<>();
        list(v.getOrDefault("--variants", "aa,ab10,ab25"), "--variants").forEach(s -> variants.add(Variant.of(s)));
        String maxTime = v.getOrDefault("--max-time", "150s").trim();
        if (!DURATION.matcher(maxTime).matches()) {
            throw new IllegalArgumentException("--max-time must be a duration such as 150s or 3m, but was '" + maxTime + "'");
        }
        return new ValidityOptions(integer(v, "--trials", 5, 1), workloads, List.copyOf(modes), List.copyOf(variants),
                Path.of(v.getOrDefault("--out", "target/validity/results.csv")), integer(v, "--warmup", 5000, 0),
                integer(v, "--iterations", 400, 1), integer(v, "--rounds", 5, 1), maxTime, longValue(v, "--seed", 1),
                v.containsKey("--jar") ? Path.of(v.get("--jar")) : null, reportOnly);
    }

    private static List<String> list(String text, String option) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String t = s.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException(option + " must be a comma-separated list without empty entries, but was '" + text + "'");
            }
            if (out.contains(t)) {
                throw new IllegalArgumentException(option + " must list each entry once, but listed '" + t + "' twice");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    private static int integer(Map<String, String> v, String option, int fallback, int min) {
        String s = v.get(option);
        if (s == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(s.trim().replace("_", ""));
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number >= " + min + ", but was '" + s + "'");
        }
    }

    private static long longValue(Map<String, String> v, String option, long fallback) {
        String s = v.get(option);
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, but was '" + s + "'");
        }
    }
}
