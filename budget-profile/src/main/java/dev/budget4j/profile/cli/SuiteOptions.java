package dev.budget4j.profile.cli;

import dev.budget4j.profile.Forks;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.OshiMemoryProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the commands that launch JVMs measure and how: the suite, its stages, warm-up and rounds. */
final class SuiteOptions {
    @Option(names = "--suite", paramLabel = "CLASS", description = "A class that implements "
            + "dev.budget4j.profile.StageSuite (default: the suites found by ServiceLoader).")
    private String suite;

    @Option(names = "--stage", paramLabel = "NAME", description = "Measure only this stage. Repeatable (default: all).")
    private List<String> stages = new ArrayList<>();

    @Option(names = "--warmup", paramLabel = "CALLS", description = "Warm-up calls per stage (default 20000).")
    private Integer warmup;

    @Option(names = "--warmup-time", paramLabel = "T", description = "Warm up for at least T too, e.g. 2s, so a busy "
            + "machine's JIT can finish (default: none).")
    private Duration warmupTime;

    @Option(names = "--iterations", paramLabel = "CALLS", description = "Measured calls per round (default 400).")
    private Integer iterations;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds per fork, in [1, 1000] (default 5).")
    private Integer rounds;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the input generators.")
    private Long seed;

    @Option(names = "--rss", description = "Sample peak RSS per round in each child JVM.")
    private boolean rss;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "An option for the child JVMs. Repeatable; a value "
            + "that starts with -- is written --jvm-arg=VALUE.")
    private List<String> jvmArgs = new ArrayList<>();

    /**
     * The forks these options describe.
     *
     * @param classPath the children's class path, or null for this JVM's
     * @param sideArgs more child JVM options (those of one side of an interleaved gate)
     * @return a builder with the harness, suite, stages and JVM options set
     */
    Forks.Builder forks(String classPath, List<String> sideArgs) {
        Harness.Builder h = Harness.builder()
                .warmupIterations(Values.inRange(warmup, 20_000, "--warmup", 0, Integer.MAX_VALUE))
                .iterations(Values.inRange(iterations, 400, "--iterations", 1, Integer.MAX_VALUE))
                .rounds(Values.inRange(rounds, 5, "--rounds", 1, 1000));
        if (warmupTime != null) {
            h.warmupTime(warmupTime);
        }
        if (seed != null) {
            h.seed(seed);
        }
        Harness harness;
        if (rss) {
            // Only tells the children to open their own probe; this one is never started.
            try (OshiMemoryProbe marker = new OshiMemoryProbe()) {
                harness = h.memoryProbe(marker).build();
            }
        } else {
            harness = h.build();
        }
        Forks.Builder f = Forks.builder().harness(harness);
        if (suite != null) {
            f.suite(suite);
        }
        stages.forEach(f::stage);
        jvmArgs.forEach(f::jvmArg);
        sideArgs.forEach(f::jvmArg);
        if (classPath != null) {
            f.classPath(classPath);
        }
        return f;
    }
}
