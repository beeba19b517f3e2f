package dev.budget4j.profile.internal;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a run from a file the gate accepts. */
public final class RunFiles {
    private RunFiles() {
    }

    /** Reads a budget4j baseline; a directory is named as such. */
    public static Baseline read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BaselineFormatException(file, "is a directory, not a baseline file");
        }
        return Baseline.read(file);
    }
}
