package dev.budget4j.profile.equivalence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/** Draws values from an arbitrary the way a jqwik property does, from a fixed seed. */
final class Samples {
    /** jqwik's default number of tries, which is also the generation size it uses. */
    static final int DEFAULT_TRIES = 1_000;

    private Samples() {
    }

    /**
     * @param arbitrary the arbitrary
     * @param tries how many values
     * @param seed the random seed
     * @return the values, the same for the same seed on every run
     */
    static <T> List<T> draw(Arbitrary<T> arbitrary, int tries, long seed) {
        List<T> out = new ArrayList<>(tries);
        JqwikSession.run(() -> {
            RandomGenerator<T> generator = arbitrary.generator(DEFAULT_TRIES);
            Random random = new Random(seed);
            for (int i = 0; i < tries; i++) {
                out.add(generator.next(random).value());
            }
        });
        return out;
    }
}
