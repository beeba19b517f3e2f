package dev.budget4j.profile.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command-line gate. In its usage text it calls itself {@code budget4j}; it runs as
 *
 * <pre>
 * java -jar budget-profile-VERSION-cli.jar compare --baseline A.json --current B.json [options]
 * java -cp APP:budget-profile-VERSION-cli.jar dev.budget4j.profile.cli.GateCommand measure --suite CLASS --out F.json
 * java -cp APP:budget-profile-VERSION-cli.jar dev.budget4j.profile.cli.GateCommand gate --baseline F.json --suite CLASS
 * java -jar budget-profile-VERSION-cli.jar interleave --baseline-cp OLD --candidate-cp NEW --suite CLASS
 * java -jar budget-profile-VERSION-cli.jar merge --in a.hlog --in b.hlog --out fleet.json
 * java -jar budget-profile-VERSION-cli.jar trend --history runs.jsonl [--last N] [--markdown F]
 * </pre>
 *
 * {@code --help} (or {@code -h}) prints the usage of the tool or of the command before it,
 * {@code help COMMAND} the same; {@code --version} (or {@code -V}) prints the version.
 *
 * <p>Exit codes: {@value #PASS} pass, {@value #REGRESSION} regression, {@value #BAD_INPUT} a
 * mistake on the command line or a file that cannot be used, {@value #INTERNAL_ERROR} anything else
 * that stopped the run (an internal error, an interruption). A mistake prints one line naming the
 * argument or the file, and at most one more line: a suggestion for a mistyped name, or where the
 * usage is; never a stack trace.
 */
@Command(name = "budget4j", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {CompareCommand.class, MeasureCommand.class, ForkedGateCommand.class, InterleaveCommand.class,
            MergeCommand.class, TrendCommand.class, CommandLine.HelpCommand.class},
        preprocessor = DashedValues.class, usageHelpAutoWidth = true, exitCodeOnInvalidInput = GateCommand.BAD_INPUT,
        exitCodeOnExecutionException = GateCommand.INTERNAL_ERROR,
        description = "Gates performance runs against a baseline: compares baseline files, measures and gates stage "
                + "suites in fresh JVMs, merges and trends runs.",
        footerHeading = "%n", footer = {
            "Run as:  java -jar budget-profile-VERSION-cli.jar COMMAND ...",
            "or, with a suite on the class path:",
            "         java -cp APP dev.budget4j.profile.cli.GateCommand COMMAND ...",
            "Exit codes: 0 pass, 1 regression, 2 bad input (the command line or a file),",
            "            3 internal error or interrupted."})
public final class GateCommand implements Callable<Integer> {
    /** Exit code: no regression. */
    public static final int PASS = 0;
    /** Exit code: a regression (or, with --fail-on-inconclusive, an inconclusive result). */
    public static final int REGRESSION = 1;
    /** Exit code: bad arguments, or a file named by them that cannot be read or written. */
    public static final int BAD_INPUT = 2;
    /** Exit code: the run stopped for another reason: an internal error or an interruption. */
    public static final int INTERNAL_ERROR = 3;

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
     * @param out where reports, usage and version go
     * @param err where errors go
     * @return the exit code: {@link #PASS}, {@link #REGRESSION}, {@link #BAD_INPUT} or {@link #INTERNAL_ERROR}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = writer(out);
        PrintWriter e = writer(err);
        try {
            return commandLine(o, e).execute(args);
        } catch (RuntimeException | Error t) {
            // execute() hands every exception of a command to Errors; this is a fault of the parser itself.
            return Errors.internal(t, e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The command line with its converters, error handlers and writers. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GateCommand());
        Values.register(cl);
        Errors handlers = new Errors();
        return cl.setOut(out).setErr(err).setParameterExceptionHandler(handlers).setExecutionExceptionHandler(handlers);
    }

    @Spec
    private CommandSpec spec;

    /** Only {@code --help} or {@code --version} make sense without a command. */
    @Override
    public Integer call() {
        throw new UsageException("name a command: " + Errors.commands(spec.commandLine()));
    }

    /** Writes through the stream's own print methods, so text is encoded with the stream's charset. */
    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                stream.print(new String(text, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
