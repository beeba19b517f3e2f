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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line gate.
 *
 * <pre>
 * java -jar budget-profile-VERSION-cli.jar compare --baseline A.json --current B.json
 *      [--html F] [--markdown F] [--json F] [--rule p99&lt;=1.2x]... [--stage-rule STAGE:p99&lt;=1.2x]...
 *      [--refuse-foreign-machine] [--fail-on-inconclusive]
 * java -jar budget-profile-VERSION-cli.jar trend --history runs.jsonl [--last N] [--markdown F]
 * </pre>
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
            "  compare --baseline A.json --current B.json [--html F] [--markdown F] [--json F]",
            "          [--rule RULE]... [--stage-rule STAGE:RULE]... [--refuse-foreign-machine] [--fail-on-inconclusive]",
            "          RULE is e.g. p99<=1.2x or throughput>=0.85x; rules replace the defaults for that dimension",
            "          (defaults: p50<=1.10x p95<=1.10x p99<=1.10x throughput>=0.90x rss<=1.50x alloc<=1.00x)",
            "  trend --history runs.jsonl [--last N] [--markdown F]",
            "exit codes: 0 pass, 1 regression, 2 bad input");

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
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                (args.length == 0 ? err : out).println(USAGE);
                return args.length == 0 ? BAD_INPUT : PASS;
            }
            switch (args[0]) {
                case "compare":
                    return compare(args, out, err);
                case "trend":
                    return trend(args, out);
                default:
                    throw new UsageException("unknown command '" + args[0] + "'; expected compare or trend");
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
        }
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final class Options {
        Path baseline;
        Path current;
        Path html;
        Path markdown;
        Path json;
        Path history;
        Integer last;
        final List<String> rules = new ArrayList<>();
        final List<String> stageRules = new ArrayList<>();
        boolean refuseForeign;
        boolean failOnInconclusive;
    }

    private static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--refuse-foreign-machine":
                    o.refuseForeign = true;
                    continue;
                case "--fail-on-inconclusive":
                    o.failOnInconclusive = true;
                    continue;
                default:
                    break;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--baseline": o.baseline = once(o.baseline, a, v); break;
                case "--current": o.current = once(o.current, a, v); break;
                case "--html": o.html = once(o.html, a, v); break;
                case "--markdown": o.markdown = once(o.markdown, a, v); break;
                case "--json": o.json = once(o.json, a, v); break;
                case "--history": o.history = once(o.history, a, v); break;
                case "--rule": o.rules.add(v); break;
                case "--stage-rule": o.stageRules.add(v); break;
                case "--last":
                    if (o.last != null) {
                        throw new UsageException("option --last must be given once");
                    }
                    try {
                        o.last = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--last must be a whole number >= 1, but was '" + v + "'");
                    }
                    if (o.last < 1) {
                        throw new UsageException("--last must be a whole number >= 1, but was " + v);
                    }
                    break;
                default:
                    throw new UsageException("unknown option " + a);
            }
        }
        return o;
    }

    private static Path once(Path previous, String option, String value) {
        if (previous != null) {
            throw new UsageException("option " + option + " must be given once");
        }
        if (value.isBlank()) {
            throw new UsageException("option " + option + " needs a file name");
        }
        return Path.of(value);
    }

    private static int compare(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options o = parse(args);
        if (o.baseline == null || o.current == null) {
            throw new UsageException("compare needs --baseline and --current");
        }
        GateRules rules = GateRules.defaults();
        for (String r : o.rules) {
            rules = rules.with(GateRules.parse(r));
        }
        for (String r : o.stageRules) {
            int colon = r.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--stage-rule must look like STAGE:p99<=1.2x, but was '" + r + "'");
            }
            rules = rules.with(r.substring(0, colon), RatioRule.parse(r.substring(colon + 1)));
        }
        Baseline baseline = Baseline.read(o.baseline);
        Baseline current = Baseline.read(o.current);
        GateReport report = Gate.builder().rules(rules).refuseForeignMachine(o.refuseForeign).build().compare(baseline, current);
        out.print(report.toConsoleTable());
        write(o.html, report.toHtml());
        write(o.markdown, report.toMarkdown());
        write(o.json, report.toJson());
        GateStatus status = report.status();
        if (status == GateStatus.REGRESSION) {
            return REGRESSION;
        }
        if (status == GateStatus.INCONCLUSIVE && o.failOnInconclusive) {
            err.println("failing: the result is inconclusive and --fail-on-inconclusive was given");
            return REGRESSION;
        }
        return PASS;
    }

    private static int trend(String[] args, PrintStream out) throws IOException {
        Options o = parse(args);
        if (o.history == null) {
            throw new UsageException("trend needs --history");
        }
        TrendReport t = TrendReport.of(RunHistory.read(o.history), o.last == null ? 10 : o.last);
        out.print(t.toMarkdown());
        write(o.markdown, t.toMarkdown());
        return PASS;
    }

    private static void write(Path file, String text) throws IOException {
        if (file != null) {
            AtomicFiles.writeAtomically(file, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }
}
