package dev.budget4j.junit.internal;

import dev.budget4j.Budget;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Gate;
import dev.budget4j.profile.GateReport;
import dev.budget4j.profile.HarnessResult;
import dev.budget4j.profile.MachineFingerprint;
import dev.budget4j.profile.StageBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Reads, records and compares against the baseline file of a {@code @BudgetedTest}. */
public final class BaselineFiles {
    /** Guards read-modify-write of baseline files by tests running in parallel in one JVM. */
    private static final Object LOCK = new Object();
    private static volatile MachineFingerprint machine;

    private BaselineFiles() {
    }

    /**
     * Compares a stage's run with the stage of the same name in the baseline file.
     *
     * @param settings the test's settings, with a baseline
     * @param result the run
     * @param recordHint how to record a baseline, for the message when there is none
     * @return the gate's report on that one stage
     * @throws ExtensionConfigurationException when the file does not exist, cannot be read, or has
     *     no stage of that name
     */
    public static GateReport compare(Settings settings, HarnessResult result, String recordHint) {
        Path file = settings.baseline();
        if (!Files.exists(file)) {
            throw new ExtensionConfigurationException("@BudgetedTest on " + settings.where() + ": baseline file '" + file
                    + "' does not exist (looked in " + file.toAbsolutePath() + "); " + recordHint);
        }
        Baseline saved = read(settings, file);
        StageBaseline stage = saved.stage(result.stage()).orElseThrow(() -> new ExtensionConfigurationException(
                "@BudgetedTest on " + settings.where() + ": baseline file '" + file + "' has no stage '" + result.stage()
                        + "' (it has " + saved.stages().keySet() + "); " + recordHint));
        Baseline.Builder only = Baseline.builder().createdAt(saved.createdAt()).gitCommit(saved.gitCommit().orElse(null))
                .machine(saved.machine()).stage(stage);
        saved.kernelBackend().ifPresent(only::kernelBackend);
        Baseline current = Baseline.builder().machine(machine()).stage(result, null).build();
        return Gate.builder().rules(settings.rules()).build().compare(only.build(), current);
    }

    /**
     * Writes a stage's run into the baseline file, keeping the file's other stages.
     *
     * @param settings the test's settings, with a baseline
     * @param result the run
     * @param budget the stage's budget, or null
     * @return the file written
     */
    public static Path record(Settings settings, HarnessResult result, Budget budget) {
        Path file = settings.baseline();
        synchronized (LOCK) {
            Baseline.Builder b = Baseline.builder().machine(machine());
            if (Files.exists(file)) {
                read(settings, file).stages().values().stream().filter(s -> !s.stage().equals(result.stage())).forEach(b::stage);
            }
            b.stage(result, budget);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                b.build().write(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write baseline file '" + file + "'", e);
            }
        }
        return file;
    }

    private static Baseline read(Settings settings, Path file) {
        try {
            return Baseline.read(file);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("@BudgetedTest on " + settings.where() + ": baseline file '" + file
                    + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** The fingerprint is read once per JVM: it asks the operating system about the hardware. */
    private static MachineFingerprint machine() {
        MachineFingerprint m = machine;
        if (m == null) {
            m = MachineFingerprint.current();
            machine = m;
        }
        return m;
    }
}
