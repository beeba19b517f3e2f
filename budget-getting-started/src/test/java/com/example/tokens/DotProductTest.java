package com.example.tokens;

import dev.budget4j.Stage;
import dev.budget4j.junit.BudgetedTest;
import dev.budget4j.junit.StageRunner;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.FloatArbitraries;
import dev.budget4j.profile.equivalence.Tolerance;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The backend-equivalence example of budget-profile's README, compiled and run as written there. */
class DotProductTest {

    // snippet: backend-equivalence
    @Property(tries = 200)
    void backendsAgree(@ForAll("pairs") float[][] pair) {
        double magnitude = Dots.magnitude(pair);              // sum of |a[i] * b[i]|
        Assume.that(magnitude <= Float.MAX_VALUE);             // beyond, one order may overflow and the other not
        // Another summation order moves the result by up to about 2n * 2^-24 * magnitude; allow twice that.
        double bound = 4.0 * pair[0].length * 0x1p-24 * magnitude;
        Equivalence.assertEquivalent(Dots::plain, Dots::unrolled, pair, Tolerance.relative(1e-6).orAbsolute(bound).forNumbers());
    }

    @Provide
    Arbitrary<float[][]> pairs() {
        return FloatArbitraries.vectorPairs();   // sizes 1, 7, 8, 13, 207, 4098...; cancelling, near overflow, subnormal...
    }

    @BudgetedTest(budget = "p99<=5ms alloc<=16B", invocations = 5_000, warmup = 20_000)
    void theUnrolledDotStaysInBudget(StageRunner runner) {
        runner.run(Stage.of("dot.unrolled", Dots::unrolled),   // 16 bytes per call: the boxed Float result
                random -> FloatArbitraries.vectorPair(1_024, FloatArbitraries.Values.GAUSSIAN, random.nextLong()));
    }
    // snippet end
}
