package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code measure}: measures a suite in fresh JVMs and writes one baseline with every fork. */
@Command(name = "measure", sortOptions = false, description = "Measures the suite's stages in N fresh JVMs and writes "
        + "one baseline that keeps every fork's rounds.")
final class MeasureCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the baseline goes.")
    private Path out;

    @Option(names = "--forks", paramLabel = "N", description = "Fresh JVMs, in [1, 1000] (default 3).")
    private Integer forks;

    @Mixin
    private SuiteOptions suite;

    @Override
    public Integer call() throws Exception {
        int n = Values.inRange(forks, 3, "--forks", 1, 1000);
        long t0 = System.nanoTime();
        Baseline run = suite.forks(null, List.of()).forks(n).build().measure();
        OptionFiles.writeRun("--out", out, run);
        spec.commandLine().getOut().printf(Locale.ROOT, "measured %d stage(s) in %d fork(s) in %.1f s; wrote %s%n",
                run.stages().size(), n, (System.nanoTime() - t0) / 1e9, out);
        return GateCommand.PASS;
    }
}
