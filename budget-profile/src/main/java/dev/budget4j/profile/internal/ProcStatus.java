package dev.budget4j.profile.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads fields of Linux's {@code /proc/self/status}; empty elsewhere or when unreadable. */
public final class ProcStatus {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** A {@code kB} field such as {@code VmHWM} or {@code VmRSS}, in bytes. */
    public static OptionalLong kilobytesField(String field) {
        if (!Files.isReadable(STATUS)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    return OptionalLong.of(parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
