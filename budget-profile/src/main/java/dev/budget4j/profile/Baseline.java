package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.AtomicFiles;
import dev.budget4j.profile.internal.BaselineJson;
import dev.budget4j.profile.internal.GitCommit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saved run: when and where it ran, and per stage the full histogram and per-round figures.
 * Written as JSON ({@link #SCHEMA_VERSION}); the gate compares a current run against it.
 *
 * <pre>{@code
 * Baseline run = Baseline.builder().stage(harness.run(sort, inputs), budget).build();
 * run.write(Path.of("perf/baseline.json"));            // atomic: temp file, then move
 * Baseline saved = Baseline.read(Path.of("perf/baseline.json"));
 * }</pre>
 */
public final class Baseline {
    /**
     * The schema version this library writes: 2 keeps every fork's rounds. Version 1 files (one
     * JVM, rounds only) are still read, as one fork, with a note saying so.
     */
    public static final int SCHEMA_VERSION = 2;

    private final Instant createdAt;
    private final String gitCommit;
    private final String kernelBackend;
    private final MachineFingerprint machine;
    private final Map<String, StageBaseline> stages;
    private final List<String> notes;

    private Baseline(Builder b) {
        this.createdAt = b.createdAt == null ? Instant.now() : b.createdAt;
        this.gitCommit = b.gitCommitSet ? b.gitCommit : GitCommit.of(Path.of("")).orElse(null);
        this.kernelBackend = b.kernelBackend;
        this.machine = b.machine == null ? MachineFingerprint.current() : b.machine;
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(b.stages));
        this.notes = List.copyOf(b.notes);
    }

    /**
     * A builder; what is not set is filled in at {@link Builder#build()}: the time now, the git
     * commit of the working directory (read from {@code .git}, no git process, empty when none),
     * this machine's fingerprint.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return when the run was made} */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@return the git commit the run was made from, when known} */
    public Optional<String> gitCommit() {
        return Optional.ofNullable(gitCommit);
    }

    /** {@return the active kernel backend's name, when the caller gave one} */
    public Optional<String> kernelBackend() {
        return Optional.ofNullable(kernelBackend);
    }

    /** {@return the machine the run was made on} */
    public MachineFingerprint machine() {
        return machine;
    }

    /** {@return the stages by name, in the order they were added} */
    public Map<String, StageBaseline> stages() {
        return stages;
    }

    /**
     * One stage.
     *
     * @param name the stage name
     * @return the stage, or empty
     */
    public Optional<StageBaseline> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /**
     * What a reader of a report should know about where this run came from, e.g. that it was read
     * from a schema 1 file and so has one fork, or that it was imported from JMH.
     *
     * @return the notes, possibly empty
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Merges runs of the same stages made in different JVMs (forks) into one run: per stage,
     * {@link StageBaseline#merge}; stages in the order first seen. The time, commit, backend and
     * machine are the first run's; notes are kept once each.
     *
     * @param runs at least one
     * @return the merged run
     * @throws IllegalArgumentException when the runs come from different git commits, or a stage's
     *     parts cannot be merged (different budgets)
     */
    public static Baseline merge(List<Baseline> runs) {
        Require.notEmpty(runs, "runs");
        Baseline first = runs.get(0);
        Map<String, List<StageBaseline>> parts = new LinkedHashMap<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Baseline r : runs) {
            Require.notNull(r, "runs element");
            if (!Objects.equals(r.gitCommit, first.gitCommit)) {
                throw new IllegalArgumentException("runs must come from one git commit to be merged, but found "
                        + first.gitCommit + " and " + r.gitCommit);
            }
            r.stages.forEach((name, s) -> parts.computeIfAbsent(name, k -> new ArrayList<>()).add(s));
            notes.addAll(r.notes);
        }
        Builder b = builder().createdAt(first.createdAt).gitCommit(first.gitCommit).machine(first.machine);
        if (first.kernelBackend != null) {
            b.kernelBackend(first.kernelBackend);
        }
        parts.values().forEach(p -> b.stage(StageBaseline.merge(p)));
        notes.forEach(b::note);
        Set<MachineFingerprint> machines = new LinkedHashSet<>();
        runs.forEach(r -> machines.add(r.machine));
        if (machines.size() > 1) {
            b.note("merged from runs on " + machines.size() + " different machines; the machine shown is the first run's");
        }
        return b.build();
    }

    /** {@return the baseline as JSON text} */
    public String toJson() {
        return BaselineJson.write(this);
    }

    /**
     * Writes the baseline atomically: a temporary file in the same directory, then a move over
     * {@code file}. A failure leaves an existing file as it was.
     *
     * @param file the target, not null
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        String json = toJson();
        AtomicFiles.writeAtomically(Require.notNull(file, "file"), json);
    }

    /**
     * Reads a baseline, of this schema version or an earlier one, within the limits listed on
     * {@link BaselineFormatException} (64 MiB, 64 levels of nesting, numbers of 100 characters,
     * strings of 4 Mi characters, stage names of 10,000, 5,000,000 tokens).
     *
     * @param file the file, not null
     * @return the baseline
     * @throws BaselineFormatException naming the file and the problem when it is truncated,
     *     not JSON, of an unknown schema version, misses a field, or exceeds a limit
     * @throws IOException when the file cannot be read (e.g. it does not exist)
     */
    public static Baseline read(Path file) throws IOException {
        return BaselineJson.read(Require.notNull(file, "file"));
    }

    /** Builds a {@link Baseline}; each setting may be given once, each stage name once. */
    public static final class Builder {
        private Instant createdAt;
        private String gitCommit;
        private boolean gitCommitSet;
        private String kernelBackend;
        private MachineFingerprint machine;
        private final Map<String, StageBaseline> stages = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a note for readers of reports on this run.
         *
         * @param note a line for readers of reports on this run, not blank
         * @return this builder
         */
        public Builder note(String note) {
            notes.add(Require.notBlank(note, "note"));
            return this;
        }

        /**
         * Sets when the run was made.
         *
         * @param time when the run was made, not null (default: now)
         * @return this builder
         */
        public Builder createdAt(Instant time) {
            Require.notNull(time, "createdAt");
            if (createdAt != null) {
                throw new IllegalStateException("createdAt must be set once, but was already set to " + createdAt);
            }
            createdAt = time;
            return this;
        }

        /**
         * Sets the git commit the run measured.
         *
         * @param commit the git commit, or null for none (default: read from {@code .git})
         * @return this builder
         */
        public Builder gitCommit(String commit) {
            if (gitCommitSet) {
                throw new IllegalStateException("gitCommit must be set once, but was already set to " + gitCommit);
            }
            gitCommitSet = true;
            gitCommit = commit;
            return this;
        }

        /**
         * Records the kernel backend that was active during the run.
         *
         * @param name the active kernel backend, e.g. {@code "vector"}, not blank
         * @return this builder
         */
        public Builder kernelBackend(String name) {
            Require.notBlank(name, "kernelBackend");
            if (kernelBackend != null) {
                throw new IllegalStateException("kernelBackend must be set once, but was already set to " + kernelBackend);
            }
            kernelBackend = name;
            return this;
        }

        /**
         * Sets the machine the run was made on.
         *
         * @param fingerprint the machine, not null (default: this machine)
         * @return this builder
         */
        public Builder machine(MachineFingerprint fingerprint) {
            Require.notNull(fingerprint, "machine");
            if (machine != null) {
                throw new IllegalStateException("machine must be set once, but was already set to " + machine);
            }
            machine = fingerprint;
            return this;
        }

        /**
         * Adds a stage's figures.
         *
         * @param stage a stage's figures, its name not yet added
         * @return this builder
         */
        public Builder stage(StageBaseline stage) {
            Require.notNull(stage, "stage");
            if (stages.putIfAbsent(stage.stage(), stage) != null) {
                throw new IllegalArgumentException("stage must be added once per name, but '" + stage.stage()
                        + "' was already added");
            }
            return this;
        }

        /**
         * Adds a stage's figures from a harness run.
         *
         * @param result a harness run, not null
         * @param budget the budget the stage is held to, or null
         * @return this builder
         */
        public Builder stage(HarnessResult result, Budget budget) {
            return stage(StageBaseline.of(result, budget));
        }

        /** {@return the baseline} */
        public Baseline build() {
            return new Baseline(this);
        }
    }
}
