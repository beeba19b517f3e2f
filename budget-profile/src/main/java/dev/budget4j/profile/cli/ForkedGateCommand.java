package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.GateRun;
import dev.budget4j.profile.SequentialGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gate}: forks of the current code against a stored baseline, until decided. */
@Command(name = "gate", sortOptions = false, description = "Adds fresh-JVM forks of the current code until the "
        + "comparison with the baseline is decided or the time cap passes. Intervals are 99%% unless --confidence says "
        + "otherwise.")
final class ForkedGateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "A", description = "The stored baseline (from measure).")
    private Path baseline;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the current code's forks as a baseline.")
    private Path out;

    @Option(names = "--min-forks", paramLabel = "N", description = "Least forks, in [2, 1000] (default 5).")
    private Integer minForks;

    @Option(names = "--max-forks", paramLabel = "N", description = "Most forks, in [2, 1000] (default 60).")
    private Integer maxForks;

    @Option(names = "--max-time", paramLabel = "T", description = "Time cap, e.g. 150s or 3m (default 150s).")
    private Duration maxTime;

    @Mixin
    private SuiteOptions suite;

    @Mixin
    private GateOptions gate;

    @Override
    public Integer call() throws Exception {
        Baseline stored = OptionFiles.readRun("--baseline", baseline);
        SequentialGate sequential = Sequential.of(minForks, "--min-forks", maxForks, "--max-forks", maxTime)
                .gate(gate.gate(0.99)).build();
        GateRun run = sequential.against(stored, suite.forks(null, List.of()).build());
        OptionFiles.writeRun("--out", out, run.current());
        return gate.finish(run.report(), run.summary(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
