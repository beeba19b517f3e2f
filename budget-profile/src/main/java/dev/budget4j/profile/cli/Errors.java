package dev.budget4j.profile.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into an exit code and at most two lines on standard error: {@code error: }
 * and one line naming the argument or file, then a suggestion for a mistyped name or where the
 * usage is. Mistakes in the input exit with {@link GateCommand#BAD_INPUT}; anything unforeseen with
 * {@link GateCommand#INTERNAL_ERROR} and its stack trace, never with the regression code.
 */
final class Errors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        ParameterException e = unknownBeforeMissing(ex);
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + message(e));
        String suggestion = suggestion(e);
        err.println(suggestion != null ? suggestion : hint(cl));
        return GateCommand.BAD_INPUT;
    }

    /**
     * picocli's suggestions for a mistyped option ({@code --baselin}: "Possible solutions: --baseline")
     * or command ({@code compar}: "Did you mean: compare?"), with commands named as typed, without
     * the tool's own name before them; null when there are none.
     */
    static String suggestion(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException u)) {
            return null;
        }
        List<String> names = u.getSuggestions().stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList();
        if (names.isEmpty()) {
            return null;
        }
        return u.isUnknownOption() ? "Possible solutions: " + String.join(", ", names)
                : "Did you mean: " + String.join(" or ", names) + "?";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof UsageException) {
            err.println("error: " + ex.getMessage());
            err.println(hint(cl));
            return GateCommand.BAD_INPUT;
        }
        if (ex instanceof UnusableFileException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                || ex instanceof UncheckedIOException) {
            // A file named on the command line, or a value the library refused with a message that names it
            // (a rule, a suite class, a fork that could not run with the given settings).
            err.println("error: " + ex.getMessage());
            return GateCommand.BAD_INPUT;
        }
        if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return GateCommand.INTERNAL_ERROR;
        }
        return internal(ex, err);
    }

    /** An exception nobody foresaw: the one case with a stack trace, for the bug report. */
    static int internal(Throwable t, PrintWriter err) {
        err.println("internal error (exit " + GateCommand.INTERNAL_ERROR + "; please report it with this trace): " + t);
        t.printStackTrace(err);
        return GateCommand.INTERNAL_ERROR;
    }

    /**
     * picocli checks required options before it reports unknown ones, so {@code --baselin x} would
     * be "missing --baseline"; the unknown name, with its suggestion, is the more useful line.
     */
    private static ParameterException unknownBeforeMissing(ParameterException ex) {
        if (ex instanceof MissingParameterException) {
            ParseResult parsed = ex.getCommandLine().getParseResult();
            List<String> unmatched = parsed == null ? List.of() : parsed.unmatched();
            if (!unmatched.isEmpty()) {
                return new UnmatchedArgumentException(ex.getCommandLine(), unmatched);
            }
        }
        return ex;
    }

    private static String message(ParameterException e) {
        CommandLine cl = e.getCommandLine();
        if (e.getCause() instanceof Values.Broken && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " must be " + e.getCause().getMessage() + ", but was '" + e.getValue() + "'";
        }
        if (e instanceof UnmatchedArgumentException u && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; expected " + commands(cl);
        }
        return e.getMessage();
    }

    /** The commands of the tool, as in "compare, measure, gate, interleave, merge or trend". */
    static String commands(CommandLine root) {
        List<String> names = root.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Where the usage is: {@code see 'compare --help'}, or {@code see '--help'} for the tool itself. */
    static String hint(CommandLine cl) {
        return cl.getParent() == null ? "see '--help'" : "see '" + cl.getCommandName() + " --help'";
    }
}
