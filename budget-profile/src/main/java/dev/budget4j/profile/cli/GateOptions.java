package dev.budget4j.profile.cli;

import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.GateStatus;
import dev.budget4j.profile.RatioRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of every command that gates: rules, confidence, report files and what fails. */
final class GateOptions {
    @Option(names = "--rule", paramLabel = "RULE", description = {"A rule for every stage, such as p99<=1.2x or "
            + "throughput>=0.85x, in place of the default for its dimension. Repeatable.",
        "Defaults: p50<=1.10x p95<=1.10x p99<=1.10x throughput>=0.90x rss<=1.50x alloc<=1.00x"})
    private List<String> rules = new ArrayList<>();

    @Option(names = "--stage-rule", paramLabel = "STAGE:RULE", description = "A rule for one stage, e.g. "
            + "sort:throughput>=0.8x. Repeatable.")
    private List<String> stageRules = new ArrayList<>();

    @Option(names = "--confidence", paramLabel = "C", description = "Confidence of the intervals, in [0.5, 0.999] "
            + "(default 0.95 for compare; 0.99 for gate and interleave, which look repeatedly).")
    private Double confidence;

    @Option(names = "--refuse-foreign-machine", description = "Fail (exit 2) when the two runs come from different machines.")
    private boolean refuseForeignMachine;

    @Option(names = "--fail-on-inconclusive", description = "Exit 1 when the result is INCONCLUSIVE, too.")
    private boolean failOnInconclusive;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as a self-contained HTML page.")
    private Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the report as Markdown (e.g. "
            + "$GITHUB_STEP_SUMMARY).")
    private Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    /** The default rules with {@code --rule} and {@code --stage-rule} applied in order. */
    GateRules rules() {
        GateRules r = GateRules.defaults();
        for (String rule : rules) {
            r = r.with(parse("--rule", rule, rule));
        }
        for (String rule : stageRules) {
            int colon = rule.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--stage-rule must look like STAGE:p99<=1.2x, but was '" + rule + "'");
            }
            r = r.with(rule.substring(0, colon), parse("--stage-rule", rule.substring(colon + 1), rule));
        }
        return r;
    }

    private static RatioRule parse(String option, String rule, String given) {
        try {
            return RatioRule.parse(rule);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + given + ": " + e.getMessage());
        }
    }

    /**
     * @param defaultConfidence the confidence when {@code --confidence} is not given, in [0.5, 0.999]
     * @return the gate these options describe
     */
    Gate gate(double defaultConfidence) {
        double c = Values.inRange(confidence, defaultConfidence, "--confidence", 0.5, 0.999);
        return Gate.builder().rules(rules()).confidence(c).refuseForeignMachine(refuseForeignMachine).build();
    }

    /**
     * Prints the report, writes its files and turns its status into an exit code.
     *
     * @param report the gate's report
     * @param extra a line printed after the table and added to the Markdown, or null
     * @param out where the table goes
     * @param err where the note on an inconclusive failure goes
     * @return {@link GateCommand#REGRESSION} or {@link GateCommand#PASS}
     */
    int finish(GateReport report, String extra, PrintWriter out, PrintWriter err) {
        out.print(report.toConsoleTable());
        if (extra != null) {
            out.println(extra);
        }
        out.flush();
        OptionFiles.write("--html", html, report.toHtml());
        OptionFiles.write("--markdown", markdown, report.toMarkdown() + (extra == null ? "" : "\n" + extra + "\n"));
        OptionFiles.write("--json", json, report.toJson());
        GateStatus status = report.status();
        if (status == GateStatus.REGRESSION) {
            return GateCommand.REGRESSION;
        }
        if (status == GateStatus.INCONCLUSIVE && failOnInconclusive) {
            err.println("failing: the result is inconclusive and --fail-on-inconclusive was given");
            return GateCommand.REGRESSION;
        }
        return GateCommand.PASS;
    }
}
