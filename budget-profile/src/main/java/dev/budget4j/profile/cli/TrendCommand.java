package dev.budget4j.profile.cli;

import dev.budget4j.profile.RunHistory;
import dev.budget4j.profile.TrendReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trend}: the last runs of a history, stage by stage. */
@Command(name = "trend", sortOptions = false, description = "Prints how each stage moved over the last runs of a "
        + "history (RunHistory.append writes one).")
final class TrendCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--history", required = true, paramLabel = "FILE", description = "The history, one run per line "
            + "(runs.jsonl).")
    private Path history;

    @Option(names = "--last", paramLabel = "N", description = "How many runs, at least 1 (default 10).")
    private Integer last;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the trend as Markdown too.")
    private Path markdown;

    @Override
    public Integer call() {
        int n = Values.inRange(last, 10, "--last", 1, Integer.MAX_VALUE);
        TrendReport t = TrendReport.of(OptionFiles.read("--history", history, RunHistory::read), n);
        spec.commandLine().getOut().print(t.toMarkdown());
        OptionFiles.write("--markdown", markdown, t.toMarkdown());
        return GateCommand.PASS;
    }
}
