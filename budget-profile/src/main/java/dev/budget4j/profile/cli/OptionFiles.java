package dev.budget4j.profile.cli;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads and writes the files that options name; a failure names the option and the file. */
final class OptionFiles {
    private OptionFiles() {
    }

    /** Something that reads a file. */
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * Reads a run in any format the gate accepts (baseline, JMH result, interval log).
     *
     * @throws UnusableFileException naming the option and the file
     */
    static Baseline readRun(String option, Path file) {
        return read(option, file, RunFiles::read);
    }

    /**
     * Reads a file with {@code reader}.
     *
     * @throws UnusableFileException naming the option and the file
     */
    static <T> T read(String option, Path file, Reader<T> reader) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw UnusableFileException.reading(option, file, e);
        } catch (UncheckedIOException e) {
            throw UnusableFileException.reading(option, file, e.getCause());
        }
    }

    /** Writes {@code text} atomically to {@code file}, if the option was given (non-null). */
    static void write(String option, Path file, String text) {
        if (file != null) {
            try {
                AtomicFiles.writeAtomically(file, text);
            } catch (IOException e) {
                throw UnusableFileException.writing(option, file, e);
            }
        }
    }

    /** Writes a run atomically to {@code file}, if the option was given (non-null). */
    static void writeRun(String option, Path file, Baseline run) {
        if (file != null) {
            try {
                run.write(file);
            } catch (IOException e) {
                throw UnusableFileException.writing(option, file, e);
            } catch (UncheckedIOException e) {
                throw UnusableFileException.writing(option, file, e.getCause());
            }
        }
    }
}
