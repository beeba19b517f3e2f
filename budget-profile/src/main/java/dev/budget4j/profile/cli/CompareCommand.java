package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Gate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare}: gates one stored run against another. */
@Command(name = "compare", sortOptions = false, description = {
    "Gates run B against baseline A, stage by stage and dimension by dimension.",
    "A and B are budget4j baseline files, JMH result files (-rf json) or interval logs (.hlog)."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "A", description = "The baseline run.")
    private Path baseline;

    @Option(names = "--current", required = true, paramLabel = "B", description = "The run to gate.")
    private Path current;

    @Mixin
    private GateOptions gate;

    @Override
    public Integer call() {
        Gate g = gate.gate(0.95);
        Baseline a = OptionFiles.readRun("--baseline", baseline);
        Baseline b = OptionFiles.readRun("--current", current);
        return gate.finish(g.compare(a, b), null, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
