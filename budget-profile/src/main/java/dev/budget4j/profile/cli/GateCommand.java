package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RatioRule;
import dev.budget4j.profile.RunHistory;
import dev.budget4j.profile.TrendReport;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.RunFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The command-line gate.
 *
 * <pre>
 * java -jar budget-profile-VERSION-cli.jar compare --baseline A.json --current B.json [options]
 * java -cp APP:budget-profile-VERSION-cli.jar dev.budget4j.profile.cli.GateCommand measure --suite CLASS --out F.json
 * java -cp APP:budget-profile-VERSION-cli.jar dev.budget4j.profile.cli.GateCommand gate --baseline F.json --suite CLASS
 * java -jar budget-profile-VERSION-cli.jar interleave --baseline-cp OLD --candidate-cp NEW --suite CLASS
 * java -jar budget-profile-VERSION-cli.jar merge --in a.hlog --in b.hlog --out fleet.json
 * java -jar budget-profile-VERSION-cli.jar trend --history runs.jsonl [--last N] [--markdown F]
 * </pre>
 * {@code --help} after any command prints the usage ({@link #USAGE}).
 *
 * Exit codes: 0 pass, 1 regression, 2 bad input (never a stack trace for a user mistake).
 */
public final class GateCommand {
    /** Exit code: no regression. */
    public static final int PASS = 0;
    /** Exit code: a regression (or, with --fail-on-inconclusive, an inconclusive result). */
    public static final int REGRESSION = 1;
    /** Exit code: bad arguments or unreadable input. */
    public static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage:",
            "  compare --baseline A --current B [--html F] [--markdown F] [--json F]",
            "          [--rule RULE]... [--stage-rule STAGE:RULE]... [--confidence C] [--refuse-foreign-machine]",
            "          [--fail-on-inconclusive]",
            "          A and B are budget4j baseline files or JMH result files (-rf json)",
            "          RULE is e.g. p99<=1.2x or throughput>=0.85x; rules replace the defaults for that dimension",
            "          (defaults: p50<=1.10x p95<=1.10x p99<=1.10x throughput>=0.90x rss<=1.50x alloc<=1.00x)",
            "  measure --out F [--forks N] SUITE-OPTIONS",
            "          measures the suite's stages in N fresh JVMs (default 3) and writes one baseline with every fork",
            "  gate --baseline A [--out F] [--min-forks N] [--max-forks N] [--max-time T] SUITE-OPTIONS GATE-OPTIONS",
            "          adds fresh-JVM forks of the current code until the comparison with A is decided or T passes",
            "  interleave --baseline-cp CP --candidate-cp CP [--baseline-jvm-arg A]... [--candidate-jvm-arg A]...",
            "          [--min-pairs N] [--max-pairs N] [--max-time T] [--order-seed N] [--duet]",
            "          [--out-baseline F] [--out-current F] SUITE-OPTIONS GATE-OPTIONS",
            "          runs the two builds' forks in randomized interleaved pairs until decided, and gates the paired ratios",
            "  merge --in FILE [--in FILE]... --out F",
            "          merges runs from many JVMs (baseline files, interval logs .hlog, JMH results) into one baseline",
            "  trend --history runs.jsonl [--last N] [--markdown F]",
            "SUITE-OPTIONS: [--suite CLASS] [--stage NAME]... [--warmup CALLS] [--warmup-time T] [--iterations CALLS]",
            "          [--rounds N] [--seed N] [--rss] [--jvm-arg ARG]...   (a value starting with -- is written --jvm-arg=VALUE)",
            "          warm-up: CALLS calls per stage and, with T, at least T (so a busy machine's JIT can finish)",
            "          CLASS implements dev.budget4j.profile.StageSuite (default: the suites found by ServiceLoader)",
            "GATE-OPTIONS: the rule, report and failure options of compare; sequential gates use 99% intervals",
            "          (--confidence to change), T is e.g. 150s or 3m (default 150s), pairs/forks default 5 to 60",
            "exit codes: 0 pass, 1 regression, 2 bad input");

    static final Set<String> REPORT_OPTIONS = Set.of("--html", "--markdown", "--json", "--confidence");
    static final Set<String> RULE_OPTIONS = Set.of("--rule", "--stage-rule");
    static final Set<String> GATE_FLAGS = Set.of("--refuse-foreign-machine", "--fail-on-inconclusive");

    private GateCommand() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     * @param out where reports go
     * @param err where errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                err.println(USAGE);
                return BAD_INPUT;
            }
            for (String a : args) {
                if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                    out.println(USAGE);
                    return PASS;
                }
            }
            switch (args[0]) {
                case "compare":
                    return compare(args, out, err);
                case "trend":
                    return trend(args, out);
                case "merge":
                    return merge(args, out);
                case "measure":
                    return ForkCommands.measure(args, out);
                case "gate":
                    return ForkCommands.gate(args, out, err);
                case "interleave":
                    return ForkCommands.interleave(args, out, err);
                default:
                    throw new UsageException("unknown command '" + args[0] + "'; expected compare, measure, gate, interleave, merge or trend");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        } catch (BaselineFormatException e) {
            err.println("error: bad baseline file " + e.getMessage());
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("error: file not found: " + e.getFile());
            return BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println("error: permission denied: " + e.getFile());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e);
            return BAD_INPUT;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return BAD_INPUT;
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    static GateRules rules(Options o) {
        GateRules rules = GateRules.defaults();
        for (String r : o.all("--rule")) {
            rules = rules.with(GateRules.parse(r));
        }
        for (String r : o.all("--stage-rule")) {
            int colon = r.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--stage-rule must look like STAGE:p99<=1.2x, but was '" + r + "'");
            }
            rules = rules.with(r.substring(0, colon), RatioRule.parse(r.substring(colon + 1)));
        }
        return rules;
    }

    static Gate gate(Options o, double defaultConfidence) {
        Double c = o.number("--confidence", 0.5, 0.999);
        return Gate.builder().rules(rules(o)).confidence(c == null ? defaultConfidence : c)
                .refuseForeignMachine(o.flag("--refuse-foreign-machine")).build();
    }

    /** Prints the report, writes its files and turns its status into an exit code. */
    static int finish(GateReport report, String extra, Options o, PrintStream out, PrintStream err) throws IOException {
        out.print(report.toConsoleTable());
        if (extra != null) {
            out.println(extra);
        }
        write(o.path("--html"), report.toHtml());
        write(o.path("--markdown"), report.toMarkdown() + (extra == null ? "" : "\n" + extra + "\n"));
        write(o.path("--json"), report.toJson());
        GateStatus status = report.status();
        if (status == GateStatus.REGRESSION) {
            return REGRESSION;
        }
        if (status == GateStatus.INCONCLUSIVE && o.flag("--fail-on-inconclusive")) {
            err.println("failing: the result is inconclusive and --fail-on-inconclusive was given");
            return REGRESSION;
        }
        return PASS;
    }

    private static int compare(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, union(Set.of("--baseline", "--current"), REPORT_OPTIONS), RULE_OPTIONS, GATE_FLAGS);
        if (o.path("--baseline") == null || o.path("--current") == null) {
            throw new UsageException("compare needs --baseline and --current");
        }
        Gate gate = gate(o, 0.95);
        Baseline baseline = RunFiles.read(o.path("--baseline"));
        Baseline current = RunFiles.read(o.path("--current"));
        return finish(gate.compare(baseline, current), null, o, out, err);
    }

    private static int merge(String[] args, PrintStream out) throws IOException {
        Options o = Options.parse(args, Set.of("--out"), Set.of("--in"), Set.of());
        Path target = o.requiredPath("--out");
        if (o.all("--in").isEmpty()) {
            throw new UsageException("merge needs at least one --in FILE");
        }
        java.util.List<Baseline> runs = new java.util.ArrayList<>();
        for (String in : o.all("--in")) {
            if (in.isBlank()) {
                throw new UsageException("option --in needs a file name");
            }
            runs.add(RunFiles.read(Path.of(in)));
        }
        Baseline merged = Baseline.merge(runs);
        merged.write(target);
        int forks = merged.stages().values().stream().mapToInt(s -> s.forkCount()).max().orElse(0);
        out.printf("merged %d run(s): %d stage(s), up to %d fork(s) per stage; wrote %s%n", runs.size(), merged.stages().size(),
                forks, target);
        return PASS;
    }

    private static int trend(String[] args, PrintStream out) throws IOException {
        Options o = Options.parse(args, Set.of("--history", "--last", "--markdown"), Set.of(), Set.of());
        Path history = o.requiredPath("--history");
        Integer last = o.integer("--last", 1, Integer.MAX_VALUE);
        TrendReport t = TrendReport.of(RunHistory.read(history), last == null ? 10 : last);
        out.print(t.toMarkdown());
        write(o.path("--markdown"), t.toMarkdown());
        return PASS;
    }

    static void write(Path file, String text) throws IOException {
        if (file != null) {
            AtomicFiles.writeAtomically(file, text);
        }
    }
}
