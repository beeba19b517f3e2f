package dev.budget4j.profile.cli;

import dev.budget4j.profile.SequentialGate;
import java.time.Duration;

/** The stopping rule of {@code gate} and {@code interleave}: how many forks or pairs, and how long. */
final class Sequential {
    private Sequential() {
    }

    /**
     * A sequential gate's settings from the command line. A lone maximum below the default minimum
     * (5) lowers the minimum to it; a lone minimum above the default maximum (60) raises the maximum.
     *
     * @param lo the least runs, or null; {@code minName} names its option
     * @param hi the most runs, or null; {@code maxName} names its option
     * @param maxTime the time cap, or null for the default
     * @return a builder with those set
     */
    static SequentialGate.Builder of(Integer lo, String minName, Integer hi, String maxName, Duration maxTime) {
        SequentialGate.Builder s = SequentialGate.builder();
        if (lo != null) {
            s.minRuns(Values.inRange(lo, 0, minName, 2, 1000));
        }
        if (hi != null) {
            s.maxRuns(Values.inRange(hi, 0, maxName, 2, 1000));
        }
        if (lo != null && hi != null && hi < lo) {
            throw new UsageException(maxName + " must be >= " + minName + " (" + lo + "), but was " + hi);
        }
        if (lo == null && hi != null && hi < 5) {
            s.minRuns(hi);
        } else if (hi == null && lo != null && lo > 60) {
            s.maxRuns(lo);
        }
        if (maxTime != null) {
            s.maxTime(maxTime);
        }
        return s;
    }
}
