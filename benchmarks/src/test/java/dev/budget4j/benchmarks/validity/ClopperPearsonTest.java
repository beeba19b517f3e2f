package dev.budget4j.benchmarks.validity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClopperPearsonTest {
    @Test
    void matchesPublishedExactIntervals() {
        // Reference values: the beta quantiles qbeta(0.025, k, n-k+1) and qbeta(0.975, k+1, n-k).
        assertArrayEquals(new double[] {0, 0.30850}, ClopperPearson.interval(0, 10, 0.95), 1e-5);
        assertArrayEquals(new double[] {0.18709, 0.81291}, ClopperPearson.interval(5, 10, 0.95), 1e-5);
        assertArrayEquals(new double[] {0.69150, 1}, ClopperPearson.interval(10, 10, 0.95), 1e-5);
        assertArrayEquals(new double[] {0.00025, 0.05446}, ClopperPearson.interval(1, 100, 0.95), 1e-5);
        assertArrayEquals(new double[] {0, 0.03622}, ClopperPearson.interval(0, 100, 0.95), 1e-5);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(0, 0, 0.95));
    }
}
