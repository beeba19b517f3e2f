package dev.budget4j.profile.internal;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a run from a file the gate accepts. */
public final class RunFiles {
    private RunFiles() {
    }

    /** Reads a budget4j baseline or an interval log ({@code .hlog}); a directory is named as such. */
    public static Baseline read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BaselineFormatException(file, "is a directory, not a baseline file");
        }
        if (isHlog(file)) {
            return RecordingLog.readBaseline(file);
        }
        return Baseline.read(file);
    }

    static boolean isHlog(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".hlog")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.startsWith("#[Histogram log format") || text.startsWith("#[StartTime");
        }
    }
}
