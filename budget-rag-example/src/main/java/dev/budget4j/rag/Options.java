package dev.budget4j.rag;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The example's command line.
 *
 * @param docs documents to ingest, in [1, 17597]
 * @param batch texts per embedding call, in [1, 1024]
 * @param backend kernel backend name forced for every stage, or null: ingest uses the active backend and the
 *     query stage the ladder's choice
 * @param chunkSize chunk length in code points
 * @param overlap code points shared by neighbouring chunks
 * @param queries questions to ask
 * @param k results per question
 * @param compare chunks in the single-versus-batch embedding comparison (0 skips it)
 * @param changed fraction of documents edited before the refresh pass, in [0, 1]
 * @param seed seed of the question and edit choices
 * @param budgets a budget file, or null for the shipped one
 * @param out where reports go, or null for {@code target/rag-report}
 * @param saveBaseline measure the gate suite in fresh JVMs and save it as the baseline
 * @param baseline a gate suite baseline to gate against, or null
 * @param gate exit non-zero when a budget or the baseline gate fails
 * @param help print usage and exit
 * @param engine where the ingest runs: {@code local} (this JVM) or {@code spark} (a Spark job)
 * @param master the Spark master URL for {@code --engine spark}, or null: then the one spark-submit set,
 *     else {@code local[*]}
 */
public record Options(int docs, int batch, String backend, int chunkSize, int overlap, int queries, int k,
        int compare, double changed, long seed, Path budgets, Path out, boolean saveBaseline, Path baseline,
        boolean gate, boolean help, String engine, String master) {

    /** The engine that runs the ingest in this JVM. */
    public static final String LOCAL = "local";
    /** The engine that runs the ingest as a Spark job. */
    public static final String SPARK = "spark";
    /** The Spark master used when neither {@code --master} nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Default document count: about a minute of embedding on 2 cores. */
    public static final int DEFAULT_DOCS = 2000;

    /** The usage text. */
    public static final String USAGE = """
            usage: java -jar budget-rag-example.jar [options]
              --docs N           documents to ingest, 1..17597 (default %d)
              --batch N          texts per embedding call, 1..1024 (default 32)
              --backend NAME     force a kernel backend: java, vector or native (default: ingest uses the
                                 active one, the query stage the lowest ladder rung that meets its budget)
              --chunk-size N     chunk length in code points (default 300)
              --overlap N        code points shared by neighbouring chunks (default 30)
              --queries N        questions to ask (default 200)
              --k N              results per question (default 5)
              --compare N        chunks in the single vs batch embedding comparison, 0 skips (default 128)
              --changed F        fraction of documents edited before the refresh pass, 0..1 (default 0.1)
              --seed N           seed for questions and edits (default 42)
              --budgets FILE     budget file (default: the shipped budgets.properties)
              --out DIR          report directory: report.html, report.md, report.json, run.json
                                 (default target/rag-report)
              --save-baseline    also measure the gate suite (clean, chunk, query.search) in fresh JVMs
                                 and save it as DIR/gate-baseline.json
              --baseline FILE    gate the suite against a saved gate-baseline.json: forks of this code
                                 until each stage is decided or a time cap; verdict per stage and dimension
              --gate             exit 1 when a budget is violated or the gate finds a regression
              --engine NAME      where the ingest runs: local (this JVM) or spark (a Spark job; clean,
                                 chunk and embed on executors, index and queries here) (default local)
              --master URL       Spark master for --engine spark: local, local[N], local[*], spark://HOST:PORT,
                                 yarn or k8s://URL (default: spark-submit's, else local[*])
              --help             print this and exit
            """.formatted(DEFAULT_DOCS);

    /** @return the defaults */
    public static Options defaults() {
        return new Options(DEFAULT_DOCS, 32, null, 300, 30, 200, 5, 128, 0.1, 42, null, null, false, null, false,
                false, LOCAL, null);
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException with a one-line message on an unknown option, a missing or bad value
     */
    public static Options parse(String... args) throws UsageException {
        Options o = defaults();
        int docs = o.docs, batch = o.batch, chunkSize = o.chunkSize, overlap = o.overlap, queries = o.queries;
        int k = o.k, compare = o.compare;
        double changed = o.changed;
        long seed = o.seed;
        String backend = null;
        Path budgets = null, out = null, baseline = null;
        boolean save = false, gate = false, help = false;
        String engine = LOCAL, master = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--save-baseline" -> save = true;
                case "--gate" -> gate = true;
                default -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(isKnown(name) ? "option " + name + " needs a value"
                                    : "unknown option '" + a + "'");
                        }
                        if (!isKnown(name)) {
                            throw new UsageException("unknown option '" + a + "'");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--docs" -> docs = intIn(name, value, 1, EuroparlCorpus.SIZE);
                        case "--batch" -> batch = intIn(name, value, 1, 1024);
                        case "--backend" -> backend = backendName(value);
                        case "--chunk-size" -> chunkSize = intIn(name, value, 16, 100_000);
                        case "--overlap" -> overlap = intIn(name, value, 0, 99_999);
                        case "--queries" -> queries = intIn(name, value, 1, 1_000_000);
                        case "--k" -> k = intIn(name, value, 1, 1000);
                        case "--compare" -> compare = intIn(name, value, 0, 100_000);
                        case "--changed" -> changed = fraction(name, value);
                        case "--seed" -> seed = longOf(name, value);
                        case "--budgets" -> budgets = Path.of(value);
                        case "--out" -> out = Path.of(value);
                        case "--baseline" -> baseline = Path.of(value);
                        case "--engine" -> engine = engineName(value);
                        case "--master" -> master = masterUrl(value);
                        default -> throw new UsageException("unknown option '" + a + "'");
                    }
                }
            }
        }
        if (overlap >= chunkSize) {
            throw new UsageException("option --overlap must be < --chunk-size=" + chunkSize + ", but was " + overlap);
        }
        return new Options(docs, batch, backend, chunkSize, overlap, queries, k, compare, changed, seed, budgets, out,
                save, baseline, gate, help, engine, master);
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "--docs", "--batch", "--backend", "--chunk-size", "--overlap", "--queries", "--k", "--compare",
                    "--changed", "--seed", "--budgets", "--out", "--baseline", "--engine", "--master" -> true;
            default -> false;
        };
    }

    private static int intIn(String name, String value, int min, int max) throws UsageException {
        try {
            int v = Integer.parseInt(value.replace("_", ""));
            if (v < min || v > max) {
                throw new UsageException("option " + name + " must be in [" + min + ", " + max + "], but was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " must be an integer, but was '" + value + "'");
        }
    }

    private static long longOf(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " must be an integer, but was '" + value + "'");
        }
    }

    private static double fraction(String name, String value) throws UsageException {
        try {
            double v = Double.parseDouble(value);
            if (!(v >= 0 && v <= 1)) {
                throw new UsageException("option " + name + " must be in [0, 1], but was " + value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " must be a number, but was '" + value + "'");
        }
    }

    private static String backendName(String value) throws UsageException {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("java") && !v.equals("vector") && !v.equals("native")) {
            throw new UsageException("option --backend must be java, vector or native, but was '" + value + "'");
        }
        return v;
    }

    private static String engineName(String value) throws UsageException {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals(LOCAL) && !v.equals(SPARK)) {
            throw new UsageException("option --engine must be local or spark, but was '" + value + "'");
        }
        return v;
    }

    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|spark://\\S+|yarn|k8s://\\S+");

    private static String masterUrl(String value) throws UsageException {
        if (!MASTER.matcher(value).matches()) {
            throw new UsageException("option --master must be local, local[N], local[*], spark://HOST:PORT, yarn or"
                    + " k8s://URL, but was '" + value + "'");
        }
        return value;
    }
}
