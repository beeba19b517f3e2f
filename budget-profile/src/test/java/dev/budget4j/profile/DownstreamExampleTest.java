package dev.budget4j.profile;

import dev.budget4j.Stage;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.FloatArbitraries;
import dev.budget4j.profile.equivalence.Tolerance;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The backend-equivalence property from the module README, compiled and run as written there. */
class DownstreamExampleTest {
    // Two backends of the same stage; in a real project, e.g. a plain-Java and a Vector API dot product.
    static final Stage<float[][], Float> PLAIN = Stage.of("plain", p -> LadderTest.plainSum(p[0]) * LadderTest.plainSum(p[1]));
    static final Stage<float[][], Float> FAST = Stage.of("fast", p -> LadderTest.unrolledSum(p[0]) * LadderTest.unrolledSum(p[1]));

    // README example starts
    @Property(tries = 100)
    void backendsAgree(@ForAll("pairs") float[][] pair) {
        // Summing n floats in another order moves each sum by up to about 2n * 2^-24 * sum|x|.
        double bound = 4.0 * pair[0].length * 0x1p-24 * magnitude(pair[0]) * magnitude(pair[1]);
        Equivalence.assertEquivalent(PLAIN, FAST, pair, Tolerance.relative(1e-6).orAbsolute(bound).forNumbers());
    }

    static double magnitude(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += Math.abs(x);
        }
        return sum;
    }

    @Provide
    Arbitrary<float[][]> pairs() {
        return FloatArbitraries.vectorPairs();
    }
    // README example ends
}
