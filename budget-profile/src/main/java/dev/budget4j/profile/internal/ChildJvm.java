package dev.budget4j.profile.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running {@link ForkMain}: started with a command line, its output kept in a log
 * file, waited for with a time limit. Failures carry the tail of the child's log. A child started
 * with a {@link RoundSync} runs its rounds in step with the other child of that sync: a thread
 * of this JVM reads the child's output, copies it to the log, and answers each
 * {@link ForkMain#READY} line, once the other child is ready too, with the CPU slot of the round.
 */
public final class ChildJvm {
    private final Process process;
    private final Path log;
    private final Path out;
    private final List<String> command;
    private final Thread pump;

    private ChildJvm(Process process, Path log, Path out, List<String> command, Thread pump) {
        this.process = process;
        this.log = log;
        this.out = out;
        this.command = command;
        this.pump = pump;
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
        return start(java, jvmArgs, classPath, forkArgs, dir, null);
    }

    /**
     * Starts a child whose rounds start together with those of the other children of {@code sync}.
     *
     * @param java the java launcher
     * @param jvmArgs JVM options, before the class path
     * @param classPath the child's class path
     * @param forkArgs {@link ForkMain}'s options, without {@code --out} and {@code --sync}
     * @param dir where the child's output and log files go
     * @param sync the children to keep in step with, or null to run freely
     */
    public static ChildJvm start(Path java, List<String> jvmArgs, String classPath, List<String> forkArgs, Path dir,
            RoundSync sync) throws IOException {
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
        if (sync == null) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            return new ChildJvm(pb.start(), log, out, cmd, null);
        }
        cmd.add("--sync");
        cmd.add("true");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        int party = sync.join();
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            sync.leave();
            throw e;
        }
        Thread pump = new Thread(() -> pump(p, log, sync, party), "budget4j-fork-rounds");
        pump.setDaemon(true);
        pump.start();
        return new ChildJvm(p, log, out, cmd, pump);
    }

    /**
     * Copies the child's output to its log and answers its ready lines when every child of the
     * sync is ready; leaves the sync when the child's output ends (it exited or was killed).
     */
    private static void pump(Process p, Path log, RoundSync sync, int party) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.endsWith(ForkMain.READY)) {
                    copy.write(line);
                    copy.write(System.lineSeparator());
                    continue;
                }
                String before = line.substring(0, line.length() - ForkMain.READY.length());
                if (!before.isEmpty()) {
                    copy.write(before);
                    copy.write(System.lineSeparator());
                }
                copy.flush();
                int slot = sync.ready(party);
                try {
                    go.write("go " + slot + "\n");
                    go.flush();
                } catch (IOException childGone) {
                    // it died between its ready line and our answer: its exit code tells why
                }
            }
        } catch (IOException e) {
            // the child's output broke off: it is gone, and await() reports its exit code and log
        } finally {
            sync.leave();
        }
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
                joinPump();
                throw new IllegalStateException("a forked JVM must finish within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                        + " s, but did not; command: " + String.join(" ", command) + tail());
            }
            joinPump();
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
    public void discard() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        joinPump();
        Files.deleteIfExists(log);
        Files.deleteIfExists(out);
    }

    /** Waits for the output thread to copy the last of the child's output (it ends with the output). */
    private void joinPump() throws InterruptedException {
        if (pump != null) {
            pump.join(TimeUnit.SECONDS.toMillis(10));
        }
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
