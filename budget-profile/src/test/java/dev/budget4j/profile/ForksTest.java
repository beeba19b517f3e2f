package dev.budget4j.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.profile.internal.ChildJvm;
import dev.budget4j.profile.internal.RoundSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Forks and the sequential gate on real child JVMs (small harness settings, so each child takes well under a second). */
class ForksTest {
    static Forks.Builder tiny() {
        return Forks.builder().suite(WordCountSuite.class.getName())
                .harness(Harness.builder().warmupIterations(200).iterations(50).rounds(2).build());
    }

    @Test
    void eachForkIsAChildJvmWhoseRoundsAreKept() throws Exception {
        Baseline run = tiny().forks(2).build().measure();
        StageBaseline s = run.stage("wordcount").orElseThrow();
        assertEquals(2, s.forkCount());
        assertEquals(2 * 2 * 50, s.snapshot().calls());
        for (ForkRounds f : s.forks()) {
            assertEquals(2, f.rounds());
            assertEquals(-1, f.pair());
        }
        assertEquals("p99<=50ms", s.budget().orElseThrow().toString());
        assertEquals(2, s.perFork(dev.budget4j.Dimension.percentile(50)).length);
    }

    @Test
    void childFailuresNameTheProblemAndTheCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Forks.builder().suite("com.example.NoSuchSuite").forks(1).build().measure());
        assertTrue(e.getMessage().contains("'com.example.NoSuchSuite' was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("exited with 2"), e.getMessage());
        IllegalStateException stage = assertThrows(IllegalStateException.class,
                () -> tiny().stage("nope").forks(1).build().measure());
        assertTrue(stage.getMessage().contains("stage must be one of [wordcount], but was 'nope'"), stage.getMessage());
    }

    @Test
    void settingsAreCheckedAndGivenOnce() {
        assertThrows(IllegalArgumentException.class, () -> Forks.builder().forks(0));
        assertThrows(IllegalStateException.class, () -> Forks.builder().forks(2).forks(3));
        assertThrows(IllegalArgumentException.class, () -> Forks.builder().forkTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Forks.builder().stage("a").stage("a"));
        assertThrows(IllegalArgumentException.class, () -> SequentialGate.builder().minRuns(1));
        assertThrows(IllegalArgumentException.class, () -> SequentialGate.builder().minRuns(10).maxRuns(5).build());
    }

    @Test
    void interleavedPairsAreMarkedAndGatedPaired() throws Exception {
        Forks a = tiny().gitCommit(null).build();
        Forks b = tiny().gitCommit(null).jvmArg("-Dwordcount.extra=0.25").build();
        GateRun run = SequentialGate.builder().minRuns(2).maxRuns(3).seed(3).build().interleave(a, b);
        assertTrue(run.runs() >= 2 && run.runs() <= 3, run.summary());
        StageBaseline base = run.baseline().stage("wordcount").orElseThrow();
        StageBaseline cur = run.current().stage("wordcount").orElseThrow();
        assertTrue(base.paired() && cur.paired());
        assertEquals(run.runs(), base.forkCount());
        assertEquals(run.runs(), cur.forkCount());
        DimensionComparison p50 = run.report().stages().get(0).dimensions().get(0);
        assertTrue(p50.note().contains("interleaved pairs, paired t"), p50.note());
        assertTrue(run.summary().contains("seed 3"), run.summary());
    }

    @Test
    void duetPairsAreMarkedInStepAndComparedRoundByRound() throws Exception {
        Forks a = tiny().gitCommit(null).build();
        Forks b = tiny().gitCommit(null).jvmArg("-Dwordcount.extra=0.25").build();
        GateRun run = SequentialGate.builder().minRuns(2).maxRuns(2).seed(3).duet(true).build().interleave(a, b);
        StageBaseline base = run.baseline().stage("wordcount").orElseThrow();
        assertTrue(base.forks().stream().allMatch(f -> f.inStep() && f.pair() >= 0), base.forks().toString());
        DimensionComparison p50 = run.report().stages().get(0).dimensions().get(0);
        assertTrue(p50.note().contains("2 duet pairs, rounds in step on traded CPUs"), p50.note());
        assertTrue(run.summary().contains("CPUs traded every round"), run.summary());
    }

    @Test
    void duetHalvesStartEveryRoundTogether() throws Exception {
        Forks slow = Forks.builder().suite(WordCountSuite.class.getName()).gitCommit(null)
                .harness(Harness.builder().warmupIterations(200).warmupTime(Duration.ofSeconds(2)).iterations(50).rounds(3).build())
                .build();
        Forks quick = tiny().gitCommit(null).build(); // 2 rounds: it leaves after its second, the slow one runs its third alone
        Path dir = Files.createTempDirectory("budget4j-duet-test");
        try {
            RoundSync sync = new RoundSync();
            long start = System.nanoTime();
            ChildJvm a = slow.start(dir, sync);
            ChildJvm b = quick.start(dir, sync);
            Baseline rb = quick.collect(b, 0);
            long quickDone = System.nanoTime() - start;
            Baseline ra = slow.collect(a, 0);
            // the quick child warms up in well under a second, then waits for the slow one's 2 s warmup
            assertTrue(quickDone >= Duration.ofSeconds(2).toNanos(), "the quick half ended after " + quickDone / 1_000_000 + " ms");
            assertEquals(3, sync.roundsStarted());
            assertEquals(3, ra.stage("wordcount").orElseThrow().forks().get(0).rounds());
            assertEquals(2, rb.stage("wordcount").orElseThrow().forks().get(0).rounds());
        } finally {
            Forks.deleteDirectory(dir);
        }
    }

    @Test
    void aDuetHalfThatFailsNeverHoldsTheOtherBack() throws Exception {
        Forks broken = Forks.builder().suite("com.example.NoSuchSuite").gitCommit(null).build();
        Forks fine = tiny().gitCommit(null).forkTimeout(Duration.ofSeconds(60)).build();
        Path dir = Files.createTempDirectory("budget4j-duet-test");
        try {
            RoundSync sync = new RoundSync();
            ChildJvm a = broken.start(dir, sync);
            ChildJvm b = fine.start(dir, sync);
            assertEquals(2, fine.collect(b, 0).stage("wordcount").orElseThrow().forks().get(0).rounds());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.collect(a, 0));
            assertTrue(e.getMessage().contains("'com.example.NoSuchSuite' was not found"), e.getMessage());
        } finally {
            Forks.deleteDirectory(dir);
        }
    }

    @Test
    void theGateAgainstAStoredBaselineAddsForksUpToItsCap() throws Exception {
        Baseline stored = tiny().forks(2).build().measure();
        GateRun run = SequentialGate.builder().minRuns(2).maxRuns(2).build().against(stored, tiny().build());
        assertEquals(2, run.runs());
        assertEquals(2, run.current().stage("wordcount").orElseThrow().forkCount());
        assertTrue(run.stopReason().equals("decided") || run.stopReason().startsWith("run cap"), run.stopReason());
    }
}
