package dev.budget4j.benchmarks.kernels;

import dev.budget4j.ffi.OffHeapVectors;
import dev.budget4j.kernel.FloatMatrix;
import dev.budget4j.kernel.Kernels;
import dev.budget4j.kernel.VectorKernels;
import org.apache.lucene.util.VectorUtil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The kernels timed in CPU time instead of wall time, for machines shared with other work, where
 * JMH's wall-clock scores measure the share of the cores a fork was given as much as the code.
 * Not a replacement for the JMH benchmarks ({@link DotBenchmark}, {@link PairwiseCosineBenchmark}):
 * a second view that other processes disturb much less, since time spent descheduled is not
 * counted (their effect on the caches and, on a virtual machine, on the physical core still is).
 *
 * <p>{@code vectors}: dot, cosine and squared L2 of budget4j's {@code vector} and {@code native}
 * backends and Lucene's {@code VectorUtil}, in thread CPU time per call. Eight pairs of vectors
 * are allocated with small arrays between them, so that they sit at different offsets from a
 * 64-byte cache line (a vector load that straddles two lines costs about two loads, and heap
 * arrays are only 8-byte aligned). Every round times a burst of calls of each implementation on
 * each pair, in rotating order, so that slow phases of the machine hit all of them alike; the
 * report gives the median time per call and the median of the per-burst ratios to Lucene.
 *
 * <p>{@code aligned}: the same rotation for dot only, with the vector and native backends on the
 * heap arrays and their loops on 64-byte aligned native copies of them ({@link AlignedDot}, with
 * an {@code int} and a {@code long} loop, and the native backend's {@link OffHeapVectors#dot}): what cache-line aligned
 * storage would be worth against Lucene.
 *
 * <p>{@code pairwise}: {@code pairwiseCosine(a, b, out)} of {@code rows x rows x dims} into a
 * preallocated result, in GFLOP per CPU-second of the whole process and in GFLOP/s of wall time.
 * The process CPU clock may advance in steps of 10 ms, so use calls of a second or more (the
 * default 10,000 x 10,000 x 768 is). Start the JVM with
 * {@code -Dbudget4j.kernels.parallelMinWork=9223372036854775807} to run it on one thread, the figure to put beside NumPy's one-thread figure from
 * {@code benchmarks/scripts/numpy_pairwise.py}.
 *
 * <pre>{@code
 * F="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
 * java $F -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.kernels.KernelCpuTime vectors 384 768
 * java $F -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.kernels.KernelCpuTime aligned 384 768
 * java $F -Xmx4g -cp benchmarks/target/benchmarks.jar dev.budget4j.benchmarks.kernels.KernelCpuTime pairwise 10000 768 5
 * }</pre>
 */
public final class KernelCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] IMPLEMENTATIONS = {"lucene", "vector", "native"};
    /**
     * The {@code aligned} mode: the vector and native backends on heap arrays, and their loops on
     * 64-byte aligned copies ({@link AlignedDot}, {@link OffHeapVectors}).
     */
    private static final String[] ALIGNED_IMPLEMENTATIONS = {"lucene", "vector", "native", "aligned", "alignedLong", "nativeAligned"};
    /** The 64-byte aligned native copy of every vector of the {@code aligned} mode, by identity. */
    private static final Map<float[], MemorySegment> ALIGNED = new IdentityHashMap<>();
    private static final int PAIRS = 8;
    private static final int ROUNDS = 60;
    /** Keeps the spacer arrays reachable, so the pairs keep their offsets until a collection moves them. */
    private static final List<float[]> SPACERS = new ArrayList<>();

    private KernelCpuTime() {
    }

    /**
     * {@code calls} calls of one two-vector operation, summed. Each implementation and operation
     * has its own lambda, so the call inside each loop sees one receiver type and the JIT inlines
     * it, as in an application that uses one backend; one shared loop calling through an
     * interface made every implementation pay a megamorphic call, and not equally.
     */
    @FunctionalInterface
    private interface Loop {
        double run(float[] a, float[] b, int calls);
    }

    /**
     * Runs one of the comparisons.
     *
     * @param args {@code vectors [dims...]}, {@code aligned [dims...]} or {@code pairwise [rows] [dims] [calls]}
     */
    public static void main(String[] args) {
        String mode = args.length == 0 ? "vectors" : args[0];
        switch (mode) {
            case "vectors" -> {
                int[] dims = args.length > 1
                        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                        : new int[] {384, 768};
                for (int d : dims) {
                    vectors(d, new String[] {"dot", "cosine", "l2Squared"}, IMPLEMENTATIONS);
                }
            }
            case "aligned" -> {
                int[] dims = args.length > 1
                        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                        : new int[] {384, 768};
                for (int d : dims) {
                    vectors(d, new String[] {"dot"}, ALIGNED_IMPLEMENTATIONS);
                }
            }
            case "pairwise" -> pairwise(args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 768, args.length > 3 ? Integer.parseInt(args[3]) : 5);
            default -> throw new IllegalArgumentException("mode must be vectors, aligned or pairwise, but was '" + mode + "'");
        }
    }

    private static Loop loop(String implementation, String operation) {
        if (implementation.startsWith("aligned") || implementation.equals("nativeAligned")) {
            if (!operation.equals("dot")) {
                throw new IllegalArgumentException("the aligned experiment has dot only, but was asked for " + operation);
            }
            boolean longIndex = implementation.equals("alignedLong");
            boolean nativeLoop = implementation.equals("nativeAligned");
            return (a, b, calls) -> {
                MemorySegment sa = ALIGNED.get(a);
                MemorySegment sb = ALIGNED.get(b);
                int n = a.length;
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += nativeLoop ? OffHeapVectors.dot(sa, sb)
                            : longIndex ? AlignedDot.dotLongIndex(sa, sb, n) : AlignedDot.dot(sa, sb, n);
                }
                return s;
            };
        }
        if (implementation.equals("lucene")) {
            return switch (operation) {
                case "dot" -> (a, b, calls) -> {
                    double s = 0;
                    for (int i = 0; i < calls; i++) {
                        s += VectorUtil.dotProduct(a, b);
                    }
                    return s;
                };
                case "cosine" -> (a, b, calls) -> {
                    double s = 0;
                    for (int i = 0; i < calls; i++) {
                        s += VectorUtil.cosine(a, b);
                    }
                    return s;
                };
                default -> (a, b, calls) -> {
                    double s = 0;
                    for (int i = 0; i < calls; i++) {
                        s += VectorUtil.squareDistance(a, b);
                    }
                    return s;
                };
            };
        }
        VectorKernels k = Backends.require(implementation);
        boolean vector = implementation.equals("vector");
        return switch (operation) {
            case "dot" -> vector ? (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.dot(a, b);
                }
                return s;
            } : (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.dot(a, b);
                }
                return s;
            };
            case "cosine" -> vector ? (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.cosine(a, b);
                }
                return s;
            } : (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.cosine(a, b);
                }
                return s;
            };
            default -> vector ? (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.l2Squared(a, b);
                }
                return s;
            } : (a, b, calls) -> {
                double s = 0;
                for (int i = 0; i < calls; i++) {
                    s += k.l2Squared(a, b);
                }
                return s;
            };
        };
    }

    private static void vectors(int dims, String[] operations, String[] implementations) {
        float[][] as = new float[PAIRS][];
        float[][] bs = new float[PAIRS][];
        for (int p = 0; p < PAIRS; p++) {
            SPACERS.add(new float[2 * (p % 4)]);
            as[p] = Backends.uniform(dims, 2L * p + 1);
            SPACERS.add(new float[2 * (p / 4) + 4 * (p % 2)]);
            bs[p] = Backends.uniform(dims, 2L * p + 2);
            ALIGNED.put(as[p], AlignedDot.aligned(as[p]));
            ALIGNED.put(bs[p], AlignedDot.aligned(bs[p]));
        }
        int burst = Math.max(2_000, 16_000_000 / dims);
        for (String operation : operations) {
            Loop[] ops = new Loop[implementations.length];
            for (int i = 0; i < ops.length; i++) {
                ops[i] = loop(implementations[i], operation);
            }
            double[][] ns = new double[ops.length][ROUNDS * PAIRS];
            double sink = 0;
            for (int warm = 0; warm < 20; warm++) { // C2 compiles every loop before the first timed burst
                for (Loop o : ops) {
                    sink += run(o, as[warm % PAIRS], bs[warm % PAIRS], burst)[0];
                }
            }
            for (int r = 0; r < ROUNDS; r++) {
                for (int p = 0; p < PAIRS; p++) {
                    for (int j = 0; j < ops.length; j++) {
                        int i = (j + r + p) % ops.length;
                        double[] t = run(ops[i], as[p], bs[p], burst);
                        sink += t[0];
                        ns[i][r * PAIRS + p] = t[1];
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %5d dims:", operation, dims));
            for (int i = 0; i < ops.length; i++) {
                double[] ratio = new double[ns[i].length];
                for (int k = 0; k < ratio.length; k++) {
                    ratio[k] = ns[0][k] / ns[i][k];
                }
                line.append(String.format(Locale.ROOT, "  %s %.1f ns", implementations[i], median(ns[i])));
                if (i > 0) {
                    line.append(String.format(Locale.ROOT, " (%.2fx lucene)", median(ratio)));
                }
            }
            System.out.println(line + (sink == 42 ? " " : ""));
        }
    }

    /** {checksum, thread CPU ns per call} of {@code calls} calls. */
    private static double[] run(Loop loop, float[] a, float[] b, int calls) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        double s = loop.run(a, b, calls);
        long t = THREADS.getCurrentThreadCpuTime() - t0;
        return new double[] {s, (double) t / calls};
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void pairwise(int rows, int dims, int calls) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FloatMatrix a = FloatMatrix.of(Backends.uniform(rows * dims, 5), rows, dims);
        FloatMatrix b = FloatMatrix.of(Backends.uniform(rows * dims, 6), rows, dims);
        FloatMatrix out = new FloatMatrix(rows, rows);
        FloatMatrix small = FloatMatrix.of(Backends.uniform(96 * dims, 7), 96, dims);
        double flops = 2.0 * rows * rows * dims;
        System.out.printf(Locale.ROOT, "pairwiseCosine %d x %d x %d into a preallocated result, %.4g flops per call, "
                + "parallelMinWork %s%n", rows, rows, dims, flops, System.getProperty("budget4j.kernels.parallelMinWork",
                "default"));
        for (String name : new String[] {"vector", "native"}) {
            VectorKernels k = Kernels.byName(name).orElse(null);
            if (k == null) {
                System.out.println("  " + name + ": unavailable, " + Kernels.unavailableReason(name).orElse("?"));
                continue;
            }
            for (int i = 0; i < 200; i++) {
                k.pairwiseCosine(small, small); // C2 compiles the kernel whole before the big calls
            }
            double[] cpu = new double[calls];
            double[] wall = new double[calls];
            for (int c = 0; c < calls; c++) {
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                k.pairwiseCosine(a, b, out);
                wall[c] = flops / (System.nanoTime() - w0);
                cpu[c] = flops / Math.max(1, os.getProcessCpuTime() - c0); // a call shorter than a clock step
            }
            System.out.printf(Locale.ROOT, "  %-6s cpu: best %6.1f median %6.1f GFLOP per CPU-second   "
                    + "wall: best %6.1f median %6.1f GFLOP/s%n", name, Arrays.stream(cpu).max().orElse(0), median(cpu),
                    Arrays.stream(wall).max().orElse(0), median(wall));
        }
    }
}
