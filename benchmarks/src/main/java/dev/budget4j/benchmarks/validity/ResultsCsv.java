package dev.budget4j.benchmarks.validity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The results file: a header and one line per finished trial, appended (and flushed to disk) as
 * each trial ends, so an interrupted run loses at most the trial in progress and a later run with
 * the same file continues where it stopped.
 */
final class ResultsCsv {
    private final Path file;

    ResultsCsv(Path file) {
        this.file = file;
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /**
     * Reads every trial in the file.
     *
     * @return the trials in file order; empty when the file does not exist
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a line or the header is malformed
     */
    List<TrialResult> read() throws IOException {
        List<TrialResult> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return out;
        }
        if (!lines.get(0).equals(TrialResult.HEADER)) {
            throw new IllegalArgumentException("--out must be a results file of this program (header " + TrialResult.HEADER
                    + "), but " + file + " starts with: " + lines.get(0));
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(TrialResult.parse(line));
            }
        }
        return out;
    }

    /**
     * Appends one trial, writing the header first when the file is new or empty.
     *
     * @param trial the trial
     * @throws IOException when the file cannot be written
     */
    void append(TrialResult trial) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String text = (Files.exists(file) && Files.size(file) > 0 ? "" : TrialResult.HEADER + "\n") + trial.toCsv() + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }
}
