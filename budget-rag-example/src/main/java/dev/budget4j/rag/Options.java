package dev.budget4j.rag;

import java.nio.file.Path;
import picocli.CommandLine.ParameterException;

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
 * @param engine where the ingest runs: {@code local} (this JVM) or {@code spark} (a Spark job)
 * @param master the Spark master URL for {@code --engine spark}, or null: then the one spark-submit set,
 *     else {@code local[*]}
 */
public record Options(int docs, int batch, String backend, int chunkSize, int overlap, int queries, int k,
        int compare, double changed, long seed, Path budgets, Path out, boolean saveBaseline, Path baseline,
        boolean gate, String engine, String master) {

    /** The engine that runs the ingest in this JVM. */
    public static final String LOCAL = "local";
    /** The engine that runs the ingest as a Spark job. */
    public static final String SPARK = "spark";
    /** The Spark master used when neither {@code --master} nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Default document count: about a minute of embedding on 2 cores. */
    public static final int DEFAULT_DOCS = 2000;

    /** @return the defaults */
    public static Options defaults() {
        return new Options(DEFAULT_DOCS, 32, null, 300, 30, 200, 5, 128, 0.1, 42, null, null, false, null, false,
                LOCAL, null);
    }

    /**
     * Parses a command line (without running anything; {@code --help} and {@code --version} are
     * accepted and ignored).
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException with a one-line message on an unknown option, a missing or bad value
     */
    public static Options parse(String... args) throws UsageException {
        RagCommand command = new RagCommand(null);
        try {
            RagCommand.commandLine(command, System.out, System.err).parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(RagCommand.message(e));
        }
        return command.options();
    }
}
