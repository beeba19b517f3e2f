package dev.budget4j.profile.internal;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.JmhResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run for the gate from either format: a budget4j baseline (a JSON object) or a JMH
 * result file (a JSON array, {@code -rf json}).
 */
public final class RunFiles {
    private RunFiles() {
    }

    /**
     * Reads a run. A file whose JSON starts with an array goes to {@link JmhResults#read}, so its
     * errors speak of JMH's fields; anything else to {@link Baseline#read}.
     *
     * @param file the file, not null
     * @return the run
     * @throws BaselineFormatException naming the file and the problem, also when {@code file} is a directory
     * @throws IOException when the file cannot be read (e.g. it does not exist)
     */
    public static Baseline read(Path file) throws IOException {
        Args.notNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new BaselineFormatException(file, "is a directory, not a baseline file");
        }
        return JmhJson.startsWithArray(file) ? JmhResults.read(file) : Baseline.read(file);
    }
}
