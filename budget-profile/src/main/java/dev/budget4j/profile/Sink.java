package dev.budget4j.profile;

import dev.budget4j.Stage;

/**
 * Where one run's outputs go, so the JIT cannot prove a stage's work unused. Each run makes its
 * own: two runs of one {@link Harness}, even at the same time, never write to the same sink.
 */
final class Sink {
    private Object last;

    /**
     * Calls the stage and keeps what it returned or threw.
     *
     * @return true when the call threw
     */
    <I> boolean apply(Stage<I, ?> stage, I input) {
        try {
            last = stage.apply(input);
            return false;
        } catch (RuntimeException e) {
            last = e;
            return true;
        }
    }

    /** {@return the last output or exception kept, null before the first call} */
    Object last() {
        return last;
    }
}
