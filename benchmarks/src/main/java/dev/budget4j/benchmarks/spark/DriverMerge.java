package dev.budget4j.benchmarks.spark;

import dev.budget4j.Budget;
import dev.budget4j.Recording;
import dev.budget4j.spark.internal.StageTally;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The driver's work for one stage of a Spark run of 1,000 tasks, in its two parts: reading each
 * task's shipped tally (an encoded recording, HdrHistogram's compressed histogram inside, plus the
 * task's round values), which Spark does on its task-result threads while it deserializes the
 * task's result; and merging the tallies into one, which Spark does on its scheduler thread. Task
 * recordings hold {@code calls} latencies drawn log-uniformly from 1 µs to {@code maxLatency}
 * (a wider spread fills more histogram buckets and makes a larger payload). Also prints each
 * setup's payload per stage per task.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DriverMerge}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DriverMerge {
    private static final Budget BUDGET = Budget.parse("p99<=10ms errors<=1%");

    /** Task recordings to merge. */
    @Param("1000")
    public int tasks;

    /** Calls per task recording. */
    @Param({"1000", "100000"})
    public int calls;

    /** The largest latency a task records, nanoseconds. */
    @Param({"1000000", "1000000000"})
    public long maxLatency;

    private byte[][] shipped;
    private StageTally[] read;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(42);
        shipped = new byte[tasks][];
        long total = 0;
        for (int t = 0; t < tasks; t++) {
            Histogram h = new Histogram(Recording.PRECISION);
            for (int i = 0; i < calls; i++) {
                h.recordValue((long) Math.exp(Math.log(1_000) + random.nextDouble() * Math.log(maxLatency / 1_000.0)));
            }
            long start = 1_700_000_000_000_000_000L + t * 1_000_000L;
            Recording r = Recording.of("embed", BUDGET, h, calls / 100, OptionalLong.empty(), start, start + 50_000_000L,
                    OptionalLong.empty(), OptionalLong.empty());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                StageTally.ofTask("executor-" + t % 8, r).write(out);
            }
            shipped[t] = bytes.toByteArray();
            total += shipped[t].length;
        }
        read = new StageTally[tasks];
        for (int t = 0; t < tasks; t++) {
            read[t] = read(shipped[t]);
        }
        System.out.printf("%n[payload] calls=%d maxLatency=%d ns: %d bytes per stage per task on average%n", calls, maxLatency,
                total / tasks);
    }

    /** Reads every task's tally (Spark's result threads); returns the calls read. */
    @Benchmark
    public long read() {
        long calls = 0;
        for (byte[] b : shipped) {
            calls += read(b).calls();
        }
        return calls;
    }

    /** Merges every task's tally, already read, into one (Spark's scheduler thread); returns the merged calls. */
    @Benchmark
    public long merge() {
        StageTally all = read[0].copy();
        for (int t = 1; t < read.length; t++) {
            all.merge(read[t]);
        }
        return all.calls();
    }

    private static StageTally read(byte[] b) {
        try {
            return StageTally.read(new DataInputStream(new ByteArrayInputStream(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
