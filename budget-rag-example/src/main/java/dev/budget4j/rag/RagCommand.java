package dev.budget4j.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The example's command line as picocli reads it; {@link #options()} checks the ranges and gives
 * the {@link Options}. A mistake prints one line naming the option, then a suggestion for a
 * mistyped name or where the usage is, and exits 2.
 */
@Command(name = "budget-rag-example", mixinStandardHelpOptions = true, versionProvider = RagCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true, exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 3,
        customSynopsis = "java -jar budget-rag-example.jar [OPTIONS]",
        description = "Ingests Europarl documents, asks questions, and prints every stage's figures against its budget.",
        footerHeading = "%n", footer = {"Exit codes: 0 success; 1 with --gate, a violated budget or a regression;",
            "            2 bad input: an option, an unreadable or foreign baseline,",
            "              a report directory that cannot be written;",
            "            3 a forked JVM failed, an internal error, or interrupted."})
final class RagCommand implements Callable<Integer> {
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|spark://\\S+|yarn|k8s://\\S+");

    @Option(names = "--docs", paramLabel = "N", description = "Documents to ingest, 1..17597 (default ${DEFAULT-VALUE}).")
    private int docs = Options.DEFAULT_DOCS;

    @Option(names = "--batch", paramLabel = "N", description = "Texts per embedding call, 1..1024 (default ${DEFAULT-VALUE}).")
    private int batch = Options.defaults().batch();

    @Option(names = "--backend", paramLabel = "NAME", description = "Force a kernel backend: java, vector or native, "
            + "float search (default: ingest uses the active one, the query stage the lowest ladder rung, float or int8, "
            + "that meets its budget in situ).")
    private String backend;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Chunk length in code points, 16..100000 "
            + "(default ${DEFAULT-VALUE}).")
    private int chunkSize = Options.defaults().chunkSize();

    @Option(names = "--overlap", paramLabel = "N", description = "Code points shared by neighbouring chunks, less than "
            + "--chunk-size (default ${DEFAULT-VALUE}).")
    private int overlap = Options.defaults().overlap();

    @Option(names = "--queries", paramLabel = "N", description = "Questions to ask (default ${DEFAULT-VALUE}).")
    private int queries = Options.defaults().queries();

    @Option(names = "--k", paramLabel = "N", description = "Results per question (default ${DEFAULT-VALUE}).")
    private int k = Options.defaults().k();

    @Option(names = "--compare", paramLabel = "N", description = "Chunks in the single vs batch embedding comparison, "
            + "0 skips it (default ${DEFAULT-VALUE}).")
    private int compare = Options.defaults().compare();

    @Option(names = "--changed", paramLabel = "F", description = "Fraction of documents edited before the refresh pass, "
            + "0..1 (default ${DEFAULT-VALUE}).")
    private double changed = Options.defaults().changed();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for questions and edits (default ${DEFAULT-VALUE}).")
    private long seed = Options.defaults().seed();

    @Option(names = "--budgets", paramLabel = "FILE", description = "Budget file (default: the shipped budgets.properties).")
    private Path budgets;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory: report.html, report.md, report.json, "
            + "run.json (default target/rag-report).")
    private Path out;

    @Option(names = "--save-baseline", description = "Also measure the gate suite (clean, chunk, query.search) in fresh "
            + "JVMs and save it as DIR/gate-baseline.json.")
    private boolean saveBaseline;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Gate the suite against a saved gate-baseline.json: "
            + "forks of this code until each stage is decided or a time cap; verdict per stage and dimension.")
    private Path baseline;

    @Option(names = "--gate", description = "Exit 1 when a budget is violated or the gate finds a regression.")
    private boolean gate;

    @Option(names = "--engine", paramLabel = "NAME", description = "Where the ingest runs: local (this JVM) or spark "
            + "(a Spark job; clean, chunk and embed on executors, index and queries here) (default local).")
    private String engine = Options.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark: local, local[N], "
            + "local[*], spark://HOST:PORT, yarn or k8s://URL (default: spark-submit's, else local[*]).")
    private String master;

    private final RagExample.Runner runner;

    /** @param runner what runs the example with the options, or null when they are only parsed */
    RagCommand(RagExample.Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws UsageException {
        return runner.run(options());
    }

    /**
     * @return the options, checked
     * @throws UsageException naming the option, its range and its value
     */
    Options options() throws UsageException {
        inRange("--docs", docs, 1, EuroparlCorpus.SIZE);
        inRange("--batch", batch, 1, 1024);
        inRange("--chunk-size", chunkSize, 16, 100_000);
        inRange("--overlap", overlap, 0, 99_999);
        inRange("--queries", queries, 1, 1_000_000);
        inRange("--k", k, 1, 1000);
        inRange("--compare", compare, 0, 100_000);
        if (!(changed >= 0 && changed <= 1)) {
            throw new UsageException("option --changed must be in [0, 1], but was "
                    + java.math.BigDecimal.valueOf(changed).stripTrailingZeros().toPlainString());
        }
        String b = backend == null ? null : oneOf("--backend", backend, "java, vector or native", List.of("java", "vector",
                "native"));
        String e = oneOf("--engine", engine, "local or spark", List.of(Options.LOCAL, Options.SPARK));
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new UsageException("option --master must be local, local[N], local[*], spark://HOST:PORT, yarn or"
                    + " k8s://URL, but was '" + master + "'");
        }
        if (overlap >= chunkSize) {
            throw new UsageException("option --overlap must be < --chunk-size=" + chunkSize + ", but was " + overlap);
        }
        return new Options(docs, batch, b, chunkSize, overlap, queries, k, compare, changed, seed, budgets, out,
                saveBaseline, baseline, gate, e, master);
    }

    private static void inRange(String option, int value, int min, int max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException("option " + option + " must be in [" + min + ", " + max + "], but was " + value);
        }
    }

    private static String oneOf(String option, String value, String allowed, List<String> names) throws UsageException {
        String v = value.toLowerCase(Locale.ROOT);
        if (!names.contains(v)) {
            throw new UsageException("option " + option + " must be " + allowed + ", but was '" + value + "'");
        }
        return v;
    }

    /**
     * The command line with its converters and error handling.
     *
     * @param command the options object picocli fills
     * @param out where usage and version go
     * @param err where mistakes go
     * @return the command line
     */
    static CommandLine commandLine(RagCommand command, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.registerConverter(int.class, v -> parse(v, "an integer", t -> Integer.valueOf(t.replace("_", ""))));
        cl.registerConverter(long.class, v -> parse(v, "an integer", Long::valueOf));
        cl.registerConverter(double.class, v -> parse(v, "a number", Double::valueOf));
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, out.charset()), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, err.charset()), true));
        cl.setParameterExceptionHandler((e, args) -> mistake(e.getCommandLine(), message(e), suggestion(e)));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UsageException) {
                return mistake(line, e.getMessage(), null);
            }
            line.getErr().println("internal error (exit 3; please report it with this trace): " + e);
            e.printStackTrace(line.getErr());
            return 3;
        });
        return cl;
    }

    private static int mistake(CommandLine cl, String message, String suggestion) {
        cl.getErr().println("error: " + message);
        cl.getErr().println(suggestion != null ? suggestion : "see '--help'");
        return 2;
    }

    /** The one line for a mistake picocli found; a value that does not convert says the rule it breaks. */
    static String message(ParameterException e) {
        if (e.getCause() instanceof Broken b && e.getArgSpec() instanceof OptionSpec o) {
            return "option " + o.longestName() + " must be " + b.getMessage() + ", but was '" + e.getValue() + "'";
        }
        return e.getMessage();
    }

    /** picocli's suggestions for a mistyped option ("Possible solutions: --docs"), or null. */
    static String suggestion(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return "Possible solutions: " + String.join(", ", u.getSuggestions());
        }
        return null;
    }

    private static <T> T parse(String value, String rule, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new Broken(rule);
        }
    }

    /** A value that does not convert; the message is the rule it breaks, e.g. "an integer". */
    private static final class Broken extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        Broken(String rule) {
            super(rule);
        }
    }

    /** The project's version, from {@code version.properties} beside this class, which the build fills in. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            try (InputStream in = RagCommand.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                p.load(in);
                return new String[] {"budget-rag-example " + p.getProperty("version")};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
