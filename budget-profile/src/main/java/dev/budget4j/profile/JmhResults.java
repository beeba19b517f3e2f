package dev.budget4j.profile;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.JmhJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JMH result files ({@code java -jar benchmarks.jar -rf json -rff result.json}) as {@link Baseline}s,
 * so a team with a JMH suite gets the same {@link Gate} as budget4j's own runs.
 *
 * <p>Each entry of the file (one benchmark with one set of parameters) becomes one stage, named
 * by the benchmark's fully qualified method and its parameters sorted by name, e.g.
 * {@code dev.budget4j.benchmarks.DotBenchmark.dot[backend=vector,size=768]}. Each fork becomes
 * one {@link ForkRounds}, each measurement iteration one round:
 * <table>
 *   <caption>What each JMH mode gives</caption>
 *   <tr><th>mode</th><th>score unit</th><th>dimensions per iteration</th></tr>
 *   <tr><td>{@code thrpt}</td><td>{@code ops/s}, {@code ops/ms}, {@code ops/us}, ...</td>
 *       <td>{@code throughput}: the score in operations per second</td></tr>
 *   <tr><td>{@code avgt}, {@code ss}</td><td>{@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}, ...</td>
 *       <td>{@code throughput}: {@code 1e9 / (time per operation in ns)} operations per second</td></tr>
 *   <tr><td>{@code sample}</td><td>{@code ns/op}, {@code us/op}, ...</td>
 *       <td>{@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code p99.9}, {@code max} in ns, from the
 *       iteration's {@code rawDataHistogram}</td></tr>
 * </table>
 * <ul>
 *   <li>{@code avgt} and {@code ss} scores are kept only as {@code throughput}: the gate has no
 *       mean-latency dimension. JMH's time is already per operation, so the throughput is that of
 *       one thread and is not divided by the thread count; a {@code thrpt} score is JMH's own,
 *       summed over threads. Compare runs of the same mode and thread count.</li>
 *   <li>{@code sample} gives no throughput. Its stage histogram holds every sample of every fork
 *       (nanoseconds, rounded), so percentiles can be recomputed; the other modes have an empty
 *       histogram (0 calls), and every stage has 0 failures and 0 elapsed nanoseconds.</li>
 *   <li>With {@code -prof gc}, the secondary metric {@code gc.alloc.rate.norm} (bytes per
 *       operation; older JMH writes {@code ·gc.alloc.rate.norm}) becomes {@code alloc}, rounded to
 *       whole bytes: JMH's figure carries a fraction of a byte of its own bookkeeping (e.g. 5e-5 B/op
 *       for code that allocates nothing), which the gate's exact {@code alloc} rule would flag.
 *       The stage's total allocated bytes stay unknown ({@code -1}).</li>
 *   <li>All other secondary metrics are ignored.</li>
 * </ul>
 * The run's time is the file's last-modified time; it has no git commit. JMH records the JVM but
 * not the machine, so the {@link MachineFingerprint} has the JVM's {@code vmName} as vendor and
 * {@code vmVersion} as version, and "unknown" processor, system, cores (0) and memory (0): two
 * imports from one JVM match; an import and a budget4j run are reported as different machines. A
 * note says e.g. {@code imported from JMH 1.37 (avgt mode, 3 forks × 5 iterations)}.
 */
public final class JmhResults {
    private JmhResults() {
    }

    /**
     * Reads a JMH JSON result file as a run, within the limits listed on
     * {@link BaselineFormatException} (64 MiB, 64 levels of nesting, numbers of 100 characters,
     * strings of 4 Mi characters, 5,000,000 tokens).
     *
     * @param file the file written by JMH's {@code -rf json}, not null
     * @return the run, one stage per entry
     * @throws BaselineFormatException naming the file, the entry and the problem when the file is
     *     not JSON, not a non-empty array, misses a field, has an unknown mode or unit, a
     *     {@code rawData} or {@code rawDataHistogram} of the wrong shape, a fork without iterations,
     *     a value that is not finite, two entries of the same stage name, or exceeds a limit
     * @throws IOException when the file cannot be read (e.g. it does not exist)
     */
    public static Baseline read(Path file) throws IOException {
        return JmhJson.read(Require.notNull(file, "file"));
    }

    /**
     * Whether a file looks like a JMH JSON result file: its first non-blank character is
     * {@code [} (checked first, without reading further) and it parses as a non-empty array of
     * objects that each have {@code benchmark}, {@code mode} and {@code primaryMetric}.
     *
     * @param file the file, not null
     * @return true for a JMH result file; false otherwise, also when the file cannot be read
     */
    public static boolean isJmhJson(Path file) {
        return JmhJson.isJmh(Require.notNull(file, "file"));
    }
}
