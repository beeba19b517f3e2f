package dev.budget4j.profile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gate's statistics against known distributions, with seeded generators: Student t quantiles
 * from tables, and the coverage of each interval when JVM launches land at two speeds.
 */
class StatsTest {
    @Test
    void studentTQuantilesMatchTheTables() {
        assertEquals(12.7062, Stats.studentTQuantile(0.975, 1), 1e-3);
        assertEquals(4.3027, Stats.studentTQuantile(0.975, 2), 1e-3);
        assertEquals(2.2281, Stats.studentTQuantile(0.975, 10), 1e-3);
        assertEquals(4.6041, Stats.studentTQuantile(0.995, 4), 1e-3);
        assertEquals(2.8609, Stats.studentTQuantile(0.995, 19), 1e-3);
        assertEquals(1.95997, Stats.studentTQuantile(0.975, 1e7), 1e-4);
        assertEquals(-2.2281, Stats.studentTQuantile(0.025, 10), 1e-3);
        assertEquals(0.5, Stats.studentTCdf(0, 3), 1e-12);
    }

    /** A JVM launch settles at one of two speeds (as seen: 88 or 104 µs), and its rounds jitter by 2% around it. */
    static double[][] forks(SplittableRandom r, int forks, int rounds, double scale) {
        double[][] out = new double[forks][rounds];
        for (int f = 0; f < forks; f++) {
            double speed = (r.nextBoolean() ? 88 : 104) * scale;
            for (int i = 0; i < rounds; i++) {
                out[f][i] = speed * (1 + 0.02 * r.nextGaussian());
            }
        }
        return out;
    }

    static double[] flatten(double[][] forks) {
        return java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void forkIntervalsCoverTheTruthAtAboutTheirLevelWhileRoundIntervalsDoNot() {
        SplittableRandom r = new SplittableRandom(20_241_130);
        int trials = 2_000;
        int forkCovered = 0;
        int roundCovered = 0;
        int singleCovered = 0;
        for (int t = 0; t < trials; t++) {
            double[][] a = forks(r, 5, 5, 1);
            double[][] b = forks(r, 5, 5, 1);
            double[] ci = Stats.unpairedLogRatio(Stats.forkMedians(a), Stats.forkMedians(b), 0.95);
            if (ci[1] <= 1 && 1 <= ci[2]) {
                forkCovered++;
            }
            if (t < 300) {
                double[] boot = Stats.bootstrapRatioOfMedians(flatten(a), flatten(b), 0.95, 500, t);
                if (boot[0] <= 1 && 1 <= boot[1]) {
                    roundCovered++;
                }
                double[] single = Stats.bootstrapRatioOfMedians(a[0], b[0], 0.95, 500, t);
                if (single[0] <= 1 && 1 <= single[1]) {
                    singleCovered++;
                }
            }
        }
        double forkCoverage = forkCovered / (double) trials;
        double roundCoverage = roundCovered / 300.0;
        double singleCoverage = singleCovered / 300.0;
        assertTrue(forkCoverage >= 0.92 && forkCoverage <= 0.99, "t over fork medians covers " + forkCoverage);
        assertTrue(roundCoverage < 0.85, "a bootstrap over pooled rounds treats them as independent and covers only "
                + roundCoverage);
        assertTrue(singleCoverage < 0.65, "one JVM a side: the interval only holds when both launches landed at the same "
                + "speed, and covers " + singleCoverage);
    }

    @Test
    void pairedIntervalsCoverTheTrueRatioThroughMachineDrift() {
        SplittableRandom r = new SplittableRandom(7);
        int trials = 2_000;
        int covered = 0;
        double widthSum = 0;
        for (int t = 0; t < trials; t++) {
            int n = 8;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                double drift = Math.exp(0.3 * r.nextGaussian()); // the machine gets slower or faster for a while
                a[i] = drift * Stats.median(forks(r, 1, 5, 1)[0]);
                b[i] = drift * Stats.median(forks(r, 1, 5, 1.25)[0]);
            }
            double[] ci = Stats.pairedLogRatio(a, b, 0.95);
            if (ci[1] <= 1.25 && 1.25 <= ci[2]) {
                covered++;
            }
            widthSum += ci[2] / ci[1];
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage >= 0.92 && coverage <= 0.99, "paired t covers " + coverage);
        assertTrue(widthSum / trials < 1.35, "pairing removes the shared drift; mean width ratio " + widthSum / trials);
    }

    @Test
    void degenerateInputsGiveNaNNotAnInterval() {
        assertTrue(Double.isNaN(Stats.unpairedLogRatio(new double[] {1}, new double[] {1}, 0.95)[1]));
        assertTrue(Double.isNaN(Stats.unpairedLogRatio(new double[] {1, 0}, new double[] {1, 2}, 0.95)[1]));
        assertTrue(Double.isNaN(Stats.pairedLogRatio(new double[] {1}, new double[] {1}, 0.95)[1]));
        assertTrue(Double.isNaN(Stats.pairedLogRatio(new double[] {1, 2}, new double[] {1}, 0.95)[1]));
        double[] same = Stats.pairedLogRatio(new double[] {2, 4}, new double[] {3, 6}, 0.95);
        assertEquals(1.5, same[0], 1e-12);
        assertEquals(1.5, same[1], 1e-12);
        assertEquals(1.5, same[2], 1e-12);
    }

    @Test
    void oneForkOnOneSideBorrowsTheOtherSidesSpread() {
        double[] ci = Stats.unpairedLogRatio(new double[] {100}, new double[] {100, 110, 90}, 0.95);
        assertTrue(ci[1] < 1 && ci[2] > 1, java.util.Arrays.toString(ci));
        double[] wider = Stats.unpairedLogRatio(new double[] {100}, new double[] {100, 130, 70}, 0.95);
        assertTrue(wider[2] / wider[1] > ci[2] / ci[1]);
    }

    @Test
    void alternatingLogRatioCancelsTheCpusOfADuetPair() {
        // round r: the baseline half on a CPU 1.5x slower in even rounds, the candidate in odd ones; the code is 10 % slower
        double[] base = {150, 100, 150, 100, 150};
        double[] cur = {110, 165, 110, 165, 110};
        assertEquals(Math.log(1.1), Stats.alternatingLogRatio(base, cur), 1e-12);
        assertEquals(Math.log(1.1), Stats.alternatingLogRatio(new double[] {100, 150, 100, 150}, new double[] {165, 110, 165, 110}), 1e-12);
        // a pause in one round moves a median, not the estimate's sign
        assertEquals(Math.log(1.1), Stats.alternatingLogRatio(new double[] {150, 100, 150, 100, 150}, new double[] {110, 165, 900, 165, 110}), 1e-12);
        assertEquals(Math.log(2), Stats.alternatingLogRatio(new double[] {10}, new double[] {20}), 1e-12);
        assertTrue(Double.isNaN(Stats.alternatingLogRatio(new double[] {1, 2}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Stats.alternatingLogRatio(new double[] {1, Double.NaN}, new double[] {1, 2})));
        assertTrue(Double.isNaN(Stats.alternatingLogRatio(new double[0], new double[0])));
    }

    @Test
    void meanLogIntervalIsTheTIntervalOfTheMeanLog() {
        double[] d = {0.1, 0.2, 0.0, 0.1};
        double[] e = Stats.meanLogInterval(d, 0.95);
        double se = Math.sqrt(Stats.variance(d) / 4);
        double t = 3.182446305284263; // t(0.975, 3)
        assertEquals(Math.exp(0.1), e[0], 1e-12);
        assertEquals(Math.exp(0.1 - t * se), e[1], 1e-6);
        assertEquals(Math.exp(0.1 + t * se), e[2], 1e-6);
        assertTrue(Double.isNaN(Stats.meanLogInterval(new double[] {0.1}, 0.95)[0]));
        assertTrue(Double.isNaN(Stats.meanLogInterval(new double[] {0.1, Double.POSITIVE_INFINITY}, 0.95)[0]));
    }
}
