package dev.budget4j.benchmarks.validity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the command-line gate ({@code dev.budget4j.profile.cli.GateCommand}) in a fresh JVM, the
 * way a CI job runs it: {@code <java> -cp <jar> dev.budget4j.profile.cli.GateCommand ARGS}, and
 * keeps its exit code, output and wall time.
 */
final class GateCli {
    private static final String MAIN = "dev.budget4j.profile.cli.GateCommand";

    private final Path java;
    private final Path jar;
    private final Path workDir;
    private volatile Process running;

    /**
     * @param java the {@code java} launcher
     * @param jar the jar with the gate, its fork entry point and the workloads
     * @param workDir where output is buffered
     */
    GateCli(Path java, Path jar, Path workDir) {
        this.java = java;
        this.jar = jar;
        this.workDir = workDir;
    }

    /** Ends the command in progress, if any, with every JVM it started (for an interrupted run). */
    void stop() {
        Process p = running;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** @return the jar, for {@code --baseline-cp} and {@code --candidate-cp} */
    Path jar() {
        return jar;
    }

    /**
     * One command's outcome.
     *
     * @param exit the exit code
     * @param stdout what it printed on standard output
     * @param stderr what it printed on standard error
     * @param seconds wall time from launch to exit
     * @param command the command line
     */
    record Result(int exit, String stdout, String stderr, double seconds, List<String> command) {
        /** @return the first line of standard output, or "" */
        String firstLine() {
            int nl = stdout.indexOf('\n');
            return (nl < 0 ? stdout : stdout.substring(0, nl)).strip();
        }

        /** @return a description for an error message: command, exit code and the end of the output */
        String describe() {
            String text = (stdout + "\n" + stderr).strip();
            return "command " + String.join(" ", command) + " exited with " + exit + " after " + Math.round(seconds) + " s; it printed:\n"
                    + (text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text);
        }
    }

    /**
     * Runs one command and waits for it.
     *
     * @param args the gate's arguments, the command first
     * @return the outcome
     * @throws IOException when the JVM cannot be started or its output read
     * @throws InterruptedException when interrupted while waiting
     */
    Result run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(MAIN);
        cmd.addAll(args);
        Path out = Files.createTempFile(workDir, "gate-", ".out");
        Path err = Files.createTempFile(workDir, "gate-", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            running = p;
            int exit = p.waitFor();
            running = null;
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), seconds,
                    List.copyOf(cmd));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
