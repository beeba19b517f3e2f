package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code merge}: runs of many JVMs, one baseline. */
@Command(name = "merge", sortOptions = false, description = "Merges runs from many JVMs (baseline files, interval logs "
        + ".hlog, JMH results) into one baseline, each input a fork.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "A run to merge. Repeatable.")
    private List<Path> in = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the merged baseline goes.")
    private Path out;

    @Override
    public Integer call() {
        List<Baseline> runs = new ArrayList<>();
        for (Path file : in) {
            runs.add(OptionFiles.readRun("--in", file));
        }
        Baseline merged = Baseline.merge(runs);
        OptionFiles.writeRun("--out", out, merged);
        int forks = merged.stages().values().stream().mapToInt(s -> s.forkCount()).max().orElse(0);
        spec.commandLine().getOut().printf("merged %d run(s): %d stage(s), up to %d fork(s) per stage; wrote %s%n",
                runs.size(), merged.stages().size(), forks, out);
        return GateCommand.PASS;
    }
}
