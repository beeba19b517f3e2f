package com.example.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Stage;
import dev.budget4j.junit.BudgetedTest;
import dev.budget4j.junit.StageRunner;
import dev.budget4j.profile.equivalence.Equivalence;
import dev.budget4j.profile.equivalence.OutputEquivalence;
import dev.budget4j.profile.equivalence.TextArbitraries;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer held to a budget and checked against its reference, as docs/getting-started.md
 * shows it; a jqwik property and budgeted tests side by side in one class.
 */
class TokenizerTest {
    static final String SENTENCE = "the quick brown fox jumps over the lazy dog";

    // snippet: budgeted-test
    @BudgetedTest(budget = "p99<=5ms alloc<=4KiB", invocations = 2_000, warmup = 1_000)
    void tokenizingASentenceStaysInBudget() {
        Tokenizer.fast(SENTENCE);
    }

    @BudgetedTest(budget = "p99<=5ms", baseline = "src/test/resources/tokenize-baseline.json", rule = "alloc<=1.0x",
            warmup = 20_000)
    void theTokenizerStageAgainstItsBaseline(StageRunner runner) {
        runner.run(Stage.of("tokenize", Tokenizer::fast), random -> SENTENCE + " " + random.nextInt(1_000));
    }
    // snippet end

    // snippet: property
    @Property(tries = 1_000)
    void theFastTokenizerAgreesWithThePlainOne(@ForAll("texts") String text) {
        Equivalence.assertEquivalent(Tokenizer::plain, Tokenizer::fast, text, OutputEquivalence.equality());
    }

    @Provide
    Arbitrary<String> texts() {
        return TextArbitraries.unicodeText();   // Unicode spaces, line breaks, surrogate pairs, marks, ...
    }
    // snippet end

    @Test
    void thePropertyWouldCatchTheRegexTokenizer() {
        JqwikSession.run("20240611", () -> {
            Optional<String> divergence = TextArbitraries.unicodeText().sampleStream().limit(1_000)
                    .map(text -> Equivalence.mismatch(Tokenizer::plain, Tokenizer::regex, text, OutputEquivalence.equality()))
                    .flatMap(Optional::stream).findFirst();
            assertTrue(divergence.isPresent(), "regex \\s is ASCII whitespace only; the text generator has the others");
        });
        assertEquals(List.of("a", "b"), Tokenizer.plain("a\u3000b"));
        assertEquals(List.of("a\u3000b"), Tokenizer.regex("a\u3000b"));
    }
}
