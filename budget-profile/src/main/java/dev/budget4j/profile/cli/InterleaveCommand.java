package dev.budget4j.profile.cli;

import dev.budget4j.profile.Forks;
import dev.budget4j.profile.GateRun;
import dev.budget4j.profile.SequentialGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interleave}: two builds' forks in randomized pairs, gated on the paired ratios. */
@Command(name = "interleave", sortOptions = false, description = "Runs the two builds' forks in randomized interleaved "
        + "pairs until decided or the time cap passes, and gates the paired ratios. Intervals are 99%% unless "
        + "--confidence says otherwise.")
final class InterleaveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline-cp", required = true, paramLabel = "CP", description = "Class path of the baseline build.")
    private String baselineCp;

    @Option(names = "--candidate-cp", required = true, paramLabel = "CP", description = "Class path of the candidate build.")
    private String candidateCp;

    @Option(names = "--baseline-jvm-arg", paramLabel = "ARG", description = "A JVM option for the baseline's forks only. "
            + "Repeatable.")
    private List<String> baselineJvmArgs = new ArrayList<>();

    @Option(names = "--candidate-jvm-arg", paramLabel = "ARG", description = "A JVM option for the candidate's forks "
            + "only. Repeatable.")
    private List<String> candidateJvmArgs = new ArrayList<>();

    @Option(names = "--min-pairs", paramLabel = "N", description = "Least pairs, in [2, 1000] (default 5).")
    private Integer minPairs;

    @Option(names = "--max-pairs", paramLabel = "N", description = "Most pairs, in [2, 1000] (default 60).")
    private Integer maxPairs;

    @Option(names = "--max-time", paramLabel = "T", description = "Time cap, e.g. 150s or 3m (default 150s).")
    private Duration maxTime;

    @Option(names = "--order-seed", paramLabel = "N", description = "Seed of each pair's random order (default: from "
            + "the clock, printed in the report).")
    private Long orderSeed;

    @Option(names = "--duet", description = "Run both halves of a pair at the same time, every timed round of the one starting with the same round of the other, instead of one after the other in random order.")
    private boolean duet;

    @Option(names = "--out-baseline", paramLabel = "FILE", description = "Write the baseline build's forks as a baseline.")
    private Path outBaseline;

    @Option(names = "--out-current", paramLabel = "FILE", description = "Write the candidate build's forks as a baseline.")
    private Path outCurrent;

    @Mixin
    private SuiteOptions suite;

    @Mixin
    private GateOptions gate;

    @Override
    public Integer call() throws Exception {
        if (baselineCp.isBlank() || candidateCp.isBlank()) {
            throw new UsageException("interleave needs --baseline-cp and --candidate-cp");
        }
        SequentialGate.Builder s = Sequential.of(minPairs, "--min-pairs", maxPairs, "--max-pairs", maxTime)
                .gate(gate.gate(0.99)).duet(duet);
        if (orderSeed != null) {
            s.seed(orderSeed);
        }
        Forks base = suite.forks(baselineCp, baselineJvmArgs).gitCommit(null).build();
        Forks cand = suite.forks(candidateCp, candidateJvmArgs).gitCommit(null).build();
        GateRun run = s.build().interleave(base, cand);
        OptionFiles.writeRun("--out-baseline", outBaseline, run.baseline());
        OptionFiles.writeRun("--out-current", outCurrent, run.current());
        return gate.finish(run.report(), run.summary(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
