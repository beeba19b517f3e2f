package dev.budget4j.micrometer.internal;

import dev.budget4j.internal.util.Require;
import java.time.Duration;

/** Durations as Prometheus writes them: {@code 5m}, {@code 90s}, {@code 1h}, {@code 250ms}. */
final class PromDuration {
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT = {"d", "h", "m", "s", "ms"};

    private PromDuration() {
    }

    /**
     * Formats a duration in its largest whole unit.
     *
     * @param parameter named in the message when the duration has a fraction of a millisecond
     */
    static String format(Duration duration, String parameter) {
        Require.that(duration.getNano() % 1_000_000 == 0,
                parameter, "must be a whole number of milliseconds (Prometheus' resolution)", duration);
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (int i = 0; i < UNIT.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return millis / UNIT_MILLIS[i] + UNIT[i];
            }
        }
        throw new AssertionError(duration);
    }
}
