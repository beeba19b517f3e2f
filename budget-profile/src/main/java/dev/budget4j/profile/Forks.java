package dev.budget4j.profile;

import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.ChildJvm;
import dev.budget4j.profile.internal.GitCommit;
import dev.budget4j.profile.internal.RoundSync;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the stages of a {@link StageSuite} in fresh JVMs, one after another, like JMH's
 * {@code @Fork}: each child JVM creates the suite, warms up and runs every round on its own, and
 * the children's runs are merged into one {@link Baseline} that keeps each fork's rounds. The same
 * code can settle at different speeds in different JVM launches (JIT decisions, code and heap
 * layout), so only several launches show how much a run can move; the {@link Gate} uses that
 * spread in its intervals.
 *
 * <pre>{@code
 * Baseline run = Forks.builder().suite("com.acme.PerfSuite").forks(5)
 *         .harness(Harness.builder().warmupIterations(20_000).iterations(400).rounds(5).build())
 *         .build().measure();
 * run.write(Path.of("perf/baseline.json"));
 * }</pre>
 *
 * <p>Children are launched with this JVM's {@code java} and JVM options (debugger agents left
 * out), the given class path (default: this JVM's) with budget4j's own jars appended, and write
 * their results to temporary files that are deleted after reading.
 */
public final class Forks {
    private final Harness harness;
    private final int forks;
    private final String suite;
    private final List<String> stages;
    private final String classPath;
    private final List<String> jvmArgs;
    private final Path java;
    private final Duration forkTimeout;
    private final String gitCommit;

    private Forks(Builder b) {
        this.harness = b.harness == null ? Harness.builder().build() : b.harness;
        this.forks = b.forks == null ? 3 : b.forks;
        this.suite = b.suite;
        this.stages = List.copyOf(b.stages);
        this.classPath = withOwnJars(b.classPath == null ? System.getProperty("java.class.path") : b.classPath);
        List<String> args = new ArrayList<>();
        if (b.inheritJvmArgs == null || b.inheritJvmArgs) {
            args.addAll(inheritedJvmArgs());
        }
        args.addAll(b.jvmArgs);
        this.jvmArgs = List.copyOf(args);
        this.java = b.java == null ? Path.of(System.getProperty("java.home"), "bin", "java") : b.java;
        this.forkTimeout = b.forkTimeout == null ? Duration.ofMinutes(10) : b.forkTimeout;
        this.gitCommit = b.gitCommitSet ? b.gitCommit : GitCommit.of(Path.of("")).orElse(null);
    }

    /** {@return a builder: 3 forks, the default {@link Harness}, this JVM's class path and options} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return forks per {@link #measure()}, {@code >= 1}} */
    public int forks() {
        return forks;
    }

    /** {@return the JVM options children get (inherited ones first)} */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** {@return the children's class path} */
    public String classPath() {
        return classPath;
    }

    /**
     * Runs {@link #forks()} child JVMs one after another and merges their runs.
     *
     * @return the merged run, every fork's rounds kept
     * @throws IOException when a temporary file cannot be written or read
     * @throws InterruptedException when interrupted while waiting for a child
     * @throws IllegalStateException when a child fails or times out, with its command and output
     */
    public Baseline measure() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("budget4j-forks");
        try {
            List<Baseline> runs = new ArrayList<>();
            for (int i = 0; i < forks; i++) {
                runs.add(collect(start(dir), -1));
            }
            return Baseline.merge(runs);
        } finally {
            deleteDirectory(dir);
        }
    }

    /** Starts one child in {@code dir}. */
    ChildJvm start(Path dir) throws IOException {
        return start(dir, null);
    }

    /** Starts one child in {@code dir}, its rounds in step with the other children of {@code sync} (null: free). */
    ChildJvm start(Path dir, RoundSync sync) throws IOException {
        List<String> a = new ArrayList<>();
        if (suite != null) {
            a.add("--suite");
            a.add(suite);
        }
        for (String s : stages) {
            a.add("--stage");
            a.add(s);
        }
        a.add("--warmup");
        a.add(Integer.toString(harness.warmupIterations()));
        a.add("--warmup-ms");
        a.add(Long.toString(harness.warmupTime().toMillis()));
        a.add("--iterations");
        a.add(Integer.toString(harness.iterations()));
        a.add("--rounds");
        a.add(Integer.toString(harness.rounds()));
        a.add("--seed");
        a.add(Long.toString(harness.seed()));
        a.add("--pool");
        a.add(Integer.toString(harness.inputPoolSize()));
        a.add("--alloc");
        a.add(Boolean.toString(harness.trackAllocation()));
        a.add("--probe");
        a.add(Boolean.toString(harness.memoryProbe() != null));
        a.add("--commit");
        a.add(gitCommit == null ? "-" : gitCommit);
        return ChildJvm.start(java, jvmArgs, classPath, a, dir, sync);
    }

    /** Waits for a child and reads its run, marking its forks as pair {@code pair} when {@code >= 0}. */
    Baseline collect(ChildJvm child, int pair) throws IOException, InterruptedException {
        return collect(child, pair, false);
    }

    /**
     * Waits for a child and reads its run, marking its forks as pair {@code pair} when {@code >= 0},
     * with rounds in step with the other half's when {@code inStep}.
     */
    Baseline collect(ChildJvm child, int pair, boolean inStep) throws IOException, InterruptedException {
        Path out = child.await(forkTimeout.toNanos());
        try {
            Baseline run = Baseline.read(out);
            if (pair < 0) {
                return run;
            }
            Baseline.Builder b = Baseline.builder().createdAt(run.createdAt()).gitCommit(run.gitCommit().orElse(null))
                    .machine(run.machine());
            run.kernelBackend().ifPresent(b::kernelBackend);
            run.stages().values().forEach(s -> b.stage(s.inPair(pair, inStep)));
            return b.build();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static void deleteDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /**
     * This JVM's options, without debugger agents (a second JVM on the same port would fail) and
     * without the launcher's module settings (children run {@code ForkMain} on the class path).
     */
    static List<String> inheritedJvmArgs() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp") || a.startsWith("-Djava.class.path=")
                    || a.startsWith("-Djdk.module.")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** The class path plus the jars (or directories) budget4j's fork entry point needs, each once. */
    static String withOwnJars(String classPath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        for (String c : new String[] {"dev.budget4j.profile.internal.ForkMain", "dev.budget4j.Stage", "org.HdrHistogram.Histogram",
            "org.slf4j.LoggerFactory", "oshi.SystemInfo", "com.sun.jna.Native"}) {
            String location = locationOf(c);
            if (location != null) {
                entries.add(location);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String locationOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, Forks.class.getClassLoader());
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            return cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Configures {@link Forks}; each setting may be given once. */
    public static final class Builder {
        private Harness harness;
        private Integer forks;
        private String suite;
        private final List<String> stages = new ArrayList<>();
        private String classPath;
        private final List<String> jvmArgs = new ArrayList<>();
        private Boolean inheritJvmArgs;
        private Path java;
        private Duration forkTimeout;
        private String gitCommit;
        private boolean gitCommitSet;

        private Builder() {
        }

        /**
         * Sets how every child JVM measures.
         *
         * @param harness warmup, rounds, calls, seed and probe for every child, not null (the probe becomes an {@link OshiMemoryProbe} in the child)
         * @return this builder
         */
        public Builder harness(Harness harness) {
            this.harness = Require.once(this.harness, Require.notNull(harness, "harness"), "harness");
            return this;
        }

        /**
         * Sets how many child JVMs each measurement starts.
         *
         * @param count child JVMs per {@link #measure()}, in [1, 1000] (default 3)
         * @return this builder
         */
        public Builder forks(int count) {
            Require.that(count >= 1 && count <= 1000, "forks", "must be in [1, 1000]", count);
            this.forks = Require.once(this.forks, count, "forks");
            return this;
        }

        /**
         * Names the suite the children run.
         *
         * @param className a {@link StageSuite} class with a public no-argument constructor; default: every suite {@link java.util.ServiceLoader} finds
         * @return this builder
         */
        public Builder suite(String className) {
            this.suite = Require.once(this.suite, Require.notBlank(className, "suite"), "suite");
            return this;
        }

        /**
         * Adds a stage to measure; without any, every stage of the suite is measured.
         *
         * @param name a stage to measure, by its {@link Stage#name()}; default: every stage of the suite
         * @return this builder
         */
        public Builder stage(String name) {
            Require.notBlank(name, "stage");
            Require.that(!stages.contains(name), "stage", "must be given once", name);
            stages.add(name);
            return this;
        }

        /**
         * Sets the class path of the child JVMs.
         *
         * @param path the children's class path, entries separated by {@link File#pathSeparator}, not blank (default: this JVM's)
         * @return this builder
         */
        public Builder classPath(String path) {
            this.classPath = Require.once(this.classPath, Require.notBlank(path, "classPath"), "classPath");
            return this;
        }

        /**
         * Adds a JVM option for every child.
         *
         * @param arg a JVM option for every child, after the inherited ones, not blank
         * @return this builder
         */
        public Builder jvmArg(String arg) {
            jvmArgs.add(Require.notBlank(arg, "jvmArg"));
            return this;
        }

        /**
         * Sets whether the children get this JVM's own options.
         *
         * @param inherit pass this JVM's own options to the children (default true)
         * @return this builder
         */
        public Builder inheritJvmArgs(boolean inherit) {
            this.inheritJvmArgs = Require.once(this.inheritJvmArgs, inherit, "inheritJvmArgs");
            return this;
        }

        /**
         * Sets the {@code java} executable that starts the children.
         *
         * @param launcher the {@code java} executable (default: this JVM's)
         * @return this builder
         */
        public Builder java(Path launcher) {
            this.java = Require.once(this.java, Require.notNull(launcher, "java"), "java");
            return this;
        }

        /**
         * Sets how long a child may run before it is stopped and the measurement fails.
         *
         * @param timeout the longest a child may run, {@code > 0} (default 10 minutes)
         * @return this builder
         */
        public Builder forkTimeout(Duration timeout) {
            Require.notNull(timeout, "forkTimeout");
            Require.that(!timeout.isNegative() && !timeout.isZero(), "forkTimeout", "must be > 0", timeout);
            this.forkTimeout = Require.once(this.forkTimeout, timeout, "forkTimeout");
            return this;
        }

        /**
         * Sets the git commit recorded in the run.
         *
         * @param commit the git commit recorded in the run, or null for unknown (default: read from {@code .git})
         * @return this builder
         */
        public Builder gitCommit(String commit) {
            if (gitCommitSet) {
                throw new IllegalStateException("gitCommit must be set once, but was already set to " + gitCommit);
            }
            gitCommitSet = true;
            this.gitCommit = commit;
            return this;
        }

        /** {@return the configuration} */
        public Forks build() {
            return new Forks(this);
        }
    }
}
