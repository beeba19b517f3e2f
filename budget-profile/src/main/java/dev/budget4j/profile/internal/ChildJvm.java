package dev.budget4j.profile.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running {@link ForkMain}: started with a command line, its output kept in a log
 * file, waited for with a time limit. Failures carry the tail of the child's log.
 */
public final class ChildJvm {
    private final Process process;
    private final Path log;
    private final Path out;
    private final List<String> command;

    private ChildJvm(Process process, Path log, Path out, List<String> command) {
        this.process = process;
        this.log = log;
        this.out = out;
        this.command = command;
    }

    /**
     * Starts a child.
     *
     * @param java the java launcher
     * @param jvmArgs JVM options, before the class path
     * @param classPath the child's class path
     * @param forkArgs {@link ForkMain}'s options, without {@code --out}
     * @param dir where the child's output and log files go
     */
    public static ChildJvm start(Path java, List<String> jvmArgs, String classPath, List<String> forkArgs, Path dir)
            throws IOException {
        Path out = Files.createTempFile(dir, "fork-", ".json");
        Path log = Files.createTempFile(dir, "fork-", ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(ForkMain.class.getName());
        cmd.addAll(forkArgs);
        cmd.add("--out");
        cmd.add(out.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildJvm(pb.start(), log, out, cmd);
    }

    /**
     * Waits for the child and returns the path of what it wrote.
     *
     * @param timeoutNanos how long to wait, {@code > 0}
     * @return the child's output file (the caller deletes it)
     * @throws IllegalStateException with the command and the log's tail when the child failed or timed out
     */
    public Path await(long timeoutNanos) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(timeoutNanos, TimeUnit.NANOSECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("a forked JVM must finish within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                        + " s, but did not; command: " + String.join(" ", command) + tail());
            }
            int code = process.exitValue();
            if (code != 0) {
                throw new IllegalStateException("a forked JVM must exit with 0, but exited with " + code + "; command: "
                        + String.join(" ", command) + tail());
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Kills the child if it still runs and deletes its files. */
    public void discard() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
        Files.deleteIfExists(out);
    }

    private String tail() throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "; it printed nothing";
        }
        return "; it printed:\n" + (text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text);
    }
}
