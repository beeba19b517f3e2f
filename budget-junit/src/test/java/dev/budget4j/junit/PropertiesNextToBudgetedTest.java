package dev.budget4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.budget4j.Stage;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/**
 * A jqwik property and budgeted tests in one class, as a downstream project writes them: the
 * build runs the property through the jqwik engine and the budgeted tests through Jupiter.
 */
class PropertiesNextToBudgetedTest {
    static final Stage<String, List<String>> SPLIT = Stage.of("split", (String s) -> Arrays.asList(s.split(" ")));

    @Property(tries = 100)
    void splittingTwoWordsGivesTheWords(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String second) {
        assertEquals(List.of(first, second), SPLIT.apply(first + " " + second));
    }

    @BudgetedTest(budget = "p99<=50ms alloc<=64KiB", invocations = 500, warmup = 200)
    void splitStaysInBudget() {
        SPLIT.apply("the quick brown fox jumps over the lazy dog");
    }

    @BudgetedTest(budget = "p99<=50ms", invocations = 500, warmup = 200)
    void splitStageStaysInBudget(StageRunner runner) {
        runner.run(SPLIT, random -> "word " + random.nextInt(1_000));
    }
}
