package dev.budget4j.profile.internal;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.BaselineFormatException;
import dev.budget4j.profile.JmhResults;
import dev.budget4j.profile.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run for the gate from any format it accepts: a budget4j baseline (a JSON object), a JMH
 * result file (a JSON array, {@code -rf json}) or an interval log of recordings ({@code .hlog}).
 */
public final class RunFiles {
    private RunFiles() {
    }

    /**
     * Reads a run. An interval log (a {@code .hlog} name, or text that starts like one) goes to
     * {@link RecordingLog#readBaseline}; a file whose JSON starts with an array to
     * {@link JmhResults#read}, so its errors speak of JMH's fields; anything else to {@link Baseline#read}.
     *
     * @param file the file, not null
     * @return the run
     * @throws BaselineFormatException naming the file and the problem, also when {@code file} is a
     *     directory or larger than {@link ReadLimits#MAX_FILE_BYTES}
     * @throws IOException when the file cannot be read (e.g. it does not exist)
     */
    public static Baseline read(Path file) throws IOException {
        Require.notNull(file, "file");
        ReadLimits.checkFile(file, "baseline file");
        if (isHlog(file)) {
            return RecordingLog.readBaseline(file);
        }
        return JmhJson.startsWithArray(file) ? JmhResults.read(file) : Baseline.read(file);
    }

    static boolean isHlog(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".hlog")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
            return head.startsWith("#[Histogram log format") || head.startsWith("#[StartTime");
        }
    }
}
