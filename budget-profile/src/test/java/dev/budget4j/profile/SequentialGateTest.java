package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/** When the sequential gate stops: only intervals that more runs could move keep it going. */
class SequentialGateTest {
    @Test
    void aStraddlingIntervalIsUndecided() {
        double[] noisy = {1000, 1300, 900, 1250, 950};
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", noisy, TP, 64, null)));
        assertEquals(GateStatus.INCONCLUSIVE, r.status(), r.toConsoleTable());
        assertFalse(SequentialGate.decided(r));
    }

    @Test
    void aGateStoppedAtItsCapSaysWhatWouldSettleIt() {
        double[] noisy = {1000, 1300, 900, 1250, 950};
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", noisy, TP, 64, null)));
        String p = SequentialGate.projection(r, 5, 50_000_000_000L, "pairs");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("would need about (\\d+) pairs \\(about (\\d+) min\\)").matcher(p);
        assertTrue(m.find(), p);
        long need = Long.parseLong(m.group(1));
        assertTrue(need > 5, p); // the interval straddles the rule, so its half-width exceeds the distance to it
        assertEquals((long) Math.max(1, Math.ceil(need * 10.0 / 60)), Long.parseLong(m.group(2)), p); // 10 s per pair
        assertTrue(p.contains("of 's' (ratio ") && p.contains(", rule "), p);

        GateReport decided = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", Fixtures.scale(LAT, 1.5), Fixtures.scale(TP, 1 / 1.5), 64, null)));
        assertEquals("", SequentialGate.projection(decided, 5, 50_000_000_000L, "pairs"));
    }

    @Test
    void aStageMissingOnOneSideCannotBeSettledByMoreRuns() {
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null), stage("gone", LAT, TP, 64, null)),
                baseline(stage("s", LAT, TP, 64, null)));
        assertEquals(GateStatus.INCONCLUSIVE, r.status());
        assertTrue(SequentialGate.decided(r));
    }

    @Test
    void aRegressionDecides() {
        GateReport r = Gate.defaults().compare(baseline(stage("s", LAT, TP, 64, null)),
                baseline(stage("s", Fixtures.scale(LAT, 1.5), Fixtures.scale(TP, 1 / 1.5), 64, null)));
        assertEquals(GateStatus.REGRESSION, r.status());
        assertTrue(SequentialGate.decided(r));
    }

    @Test
    void duetLaunchOrderIsBalancedInEveryBlockOfTwoPairsAndRandomAcrossBlocks() {
        int blocksWithCandidateFirst = 0;
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom order = new SplittableRandom(seed);
            boolean previous = false;
            int candidateFirst = 0;
            for (int pair = 0; pair < 40; pair++) {
                boolean first = SequentialGate.candidateFirst(pair, previous, order);
                if (pair % 2 == 1) {
                    assertEquals(!previous, first, "the second pair of a block runs the other way round");
                } else if (first) {
                    blocksWithCandidateFirst++;
                }
                candidateFirst += first ? 1 : 0;
                previous = first;
            }
            assertEquals(20, candidateFirst, "seed " + seed + ": 40 pairs, 20 with the candidate launched first");
        }
        // 400 blocks, each drawn with probability 1/2: far from both 0 and 400
        assertTrue(blocksWithCandidateFirst > 150 && blocksWithCandidateFirst < 250, "blocks with the candidate first: " + blocksWithCandidateFirst);
    }
}
