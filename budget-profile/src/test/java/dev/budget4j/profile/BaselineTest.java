package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Dimension;
import dev.budget4j.profile.internal.GitCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsTheFullHistogramAndRounds() throws Exception {
        Budget budget = Budget.parse("p99<=10ms alloc<=1KiB");
        Baseline b = Baseline.builder().createdAt(java.time.Instant.parse("2025-01-02T03:04:05Z")).gitCommit(null)
                .machine(Fixtures.MACHINE).kernelBackend("vector").stage(stage("sort", LAT, TP, 64, budget)).build();
        Path file = dir.resolve("base.json");
        b.write(file);
        Baseline read = Baseline.read(file);
        StageBaseline s = read.stage("sort").orElseThrow();
        StageBaseline o = b.stage("sort").orElseThrow();
        assertEquals(o.snapshot().calls(), s.snapshot().calls());
        for (double p : new double[] {1, 50, 90, 99, 99.9, 100}) {
            assertEquals(o.snapshot().percentileNanos(p), s.snapshot().percentileNanos(p), "p" + p);
        }
        assertEquals(o.snapshot().histogram(), s.snapshot().histogram());
        assertArrayEquals(o.perRound(Dimension.percentile(99)), s.perRound(Dimension.percentile(99)));
        assertEquals(budget, s.budget().orElseThrow());
        assertEquals("vector", read.kernelBackend().orElseThrow());
        assertEquals(Fixtures.MACHINE, read.machine());
        assertTrue(read.gitCommit().isEmpty());
        assertEquals(o.snapshot().allocatedBytesPerCall(), s.snapshot().allocatedBytesPerCall(), 1e-9);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void histogramsFromSeveralRunsMerge() throws Exception {
        Path file = dir.resolve("b.json");
        baseline(stage("s", LAT, TP, 64, null)).write(file);
        var h = Baseline.read(file).stage("s").orElseThrow().snapshot().histogram();
        h.add(Baseline.read(file).stage("s").orElseThrow().snapshot().histogram());
        assertEquals(2 * 5 * 200, h.getTotalCount());
    }

    private BaselineFormatException bad(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> Baseline.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void truncatedCorruptAndUnknownVersionFilesAreNamed() throws Exception {
        String good = baseline(stage("s", LAT, TP, 64, null)).toJson();
        assertTrue(bad("trunc.json", good.substring(0, good.length() / 2)).problem().contains("truncated"));
        assertTrue(bad("empty.json", "").problem().contains("empty"));
        assertTrue(bad("garbage.json", "{\"format\": nope}").problem().contains("not valid JSON"));
        assertTrue(bad("v99.json", good.replace("\"schemaVersion\": 2", "\"schemaVersion\": 99")).problem()
                .contains("schemaVersion 99 is unknown"));
        assertTrue(bad("other.json", "{\"hello\": 1}").problem().contains("format must be"));
        String corruptHistogram = good.replaceAll("\"histogram\": \"[^\"]+\"", "\"histogram\": \"AAAA\"");
        assertTrue(bad("hist.json", corruptHistogram).problem().contains("histogram"));
        assertTrue(bad("calls.json", good.replaceFirst("\"calls\": \\d+", "\"calls\": 7")).problem().contains("calls is 7"));
    }

    @Test
    void aFailedWriteLeavesTheExistingBaseline() throws Exception {
        Path file = dir.resolve("keep.json");
        Baseline first = baseline(stage("s", LAT, TP, 64, null));
        first.write(file);
        String before = Files.readString(file);
        Path blocked = dir.resolve("ro");
        Files.createDirectories(blocked);
        Path target = blocked.resolve("x.json");
        Files.writeString(target, before);
        blocked.toFile().setWritable(false);
        try {
            if (!Files.isWritable(blocked)) {
                assertThrows(java.io.IOException.class, () -> baseline(stage("s", LAT, TP, 99, null)).write(target));
                assertEquals(before, Files.readString(target));
            }
        } finally {
            blocked.toFile().setWritable(true);
        }
        assertEquals(before, Files.readString(file));
    }

    @Test
    void gitCommitIsReadFromLooseAndPackedRefsAndWorktrees() throws Exception {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve(".git/refs/heads/main"), sha + "\n");
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        assertEquals(sha, GitCommit.of(sub).orElseThrow());

        Files.delete(repo.resolve(".git/refs/heads/main"));
        Files.writeString(repo.resolve(".git/packed-refs"), "# pack-refs\n" + sha.replace('0', 'f') + " refs/heads/main\n");
        assertEquals(sha.replace('0', 'f'), GitCommit.of(repo).orElseThrow());

        Path wt = Files.createDirectories(dir.resolve("wt"));
        Path wtGit = Files.createDirectories(repo.resolve(".git/worktrees/wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Files.createDirectories(repo.resolve(".git/refs/heads"));
        Files.writeString(repo.resolve(".git/refs/heads/feature"), sha + "\n");
        assertEquals(sha, GitCommit.of(wt).orElseThrow());

        assertTrue(GitCommit.of(Files.createDirectories(dir.resolve("plain"))).isEmpty());
    }

    @Test
    void historyAppendsLinesAndTrendsShowChange() throws Exception {
        Path file = dir.resolve("runs.jsonl");
        RunHistory.append(file, baseline(stage("s", LAT, TP, 64, null)));
        RunHistory.append(file, baseline(stage("s", Fixtures.scale(LAT, 1.2), TP, 64, null)));
        assertEquals(2, Files.readAllLines(file).size());
        List<RunHistory.Entry> runs = RunHistory.read(file);
        assertEquals(2, runs.size());
        assertEquals(2000, runs.get(0).stages().get("s").get("p99"), 1e-9);
        String md = TrendReport.of(runs, 10).toMarkdown();
        assertTrue(md.contains("+20.0%"), md);
        assertEquals(1, TrendReport.of(runs, 1).runs().size());
        Files.writeString(file, "{\"createdAt\": \"x\"", java.nio.file.StandardOpenOption.APPEND);
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> RunHistory.read(file));
        assertTrue(e.problem().contains("line 3"), e.problem());
        assertThrows(BaselineFormatException.class, () -> RunHistory.append(file, baseline(stage("s", LAT, TP, 64, null))));
    }
}
