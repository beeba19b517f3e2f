package dev.budget4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.budget4j.junit.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** Runs the fixture tests through the Jupiter engine and checks what a user would see. */
class BudgetedTestTest {

    /** Runs one fixture method, without the standard output lines (one test checks those). */
    static EngineExecutionResults run(Class<?> type, String method) {
        return kit(type, method).configurationParameter(BudgetedTestExtension.STDOUT_PROPERTY, "false").execute();
    }

    static EngineTestKit.Builder kit(Class<?> type, String method) {
        Method m = Arrays.stream(type.getDeclaredMethods()).filter(d -> d.getName().equals(method)).findFirst().orElseThrow();
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(type, m))
                .configurationParameter(Fixtures.RUN, "true");
    }

    static Throwable failure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertEquals(1, failed.size(), () -> "one failed test expected, events: " + results.allEvents().list());
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    static Map<String, String> entries(EngineExecutionResults results) {
        List<ReportEntry> published = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).collect(Collectors.toList());
        assertEquals(1, published.size(), "one report entry per measured stage");
        return published.get(0).getKeyValuePairs();
    }

    @Test
    void aBodyInBudgetRunsWarmupPlusInvocationsTimesAndPublishesItsFigures() {
        Fixtures.Fast.CALLS.set(0);
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EngineExecutionResults results;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            results = kit(Fixtures.Fast.class, "fast").execute();
        } finally {
            System.setOut(console);
        }
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[budget4j] budget4j.stage = Fast.fast" + System.lineSeparator()), printed);
        assertTrue(printed.contains("[budget4j] budget4j.calls = 200" + System.lineSeparator()), printed);
        assertEquals(210, Fixtures.Fast.CALLS.get(), "10 warm-up and 200 measured calls");
        Map<String, String> e = entries(results);
        assertEquals("Fast.fast", e.get("budget4j.stage"));
        assertEquals("MET", e.get("budget4j.outcome"));
        assertEquals("p99<=1s alloc<=1MiB errors<=0%", e.get("budget4j.budget"));
        assertEquals("200", e.get("budget4j.calls"));
        assertEquals("10", e.get("budget4j.warmup"));
        assertEquals("4", e.get("budget4j.rounds"));
        assertEquals("0", e.get("budget4j.failures"));
        assertTrue(Long.parseLong(e.get("budget4j.p99.ns")) > 0, e.toString());
        assertTrue(Long.parseLong(e.get("budget4j.max.ns")) >= Long.parseLong(e.get("budget4j.p50.ns")), e.toString());
        assertTrue(Double.parseDouble(e.get("budget4j.throughput.per.s")) > 0, e.toString());
        assertTrue(e.containsKey("budget4j.alloc.bytes.per.call"), e.toString());
        assertTrue(e.get("budget4j.check.p99").endsWith(" against p99<=1s: MET"), e.get("budget4j.check.p99"));
    }

    @Test
    void aViolatedBudgetFailsWithTheVerdictTableAndStillPublishes() {
        EngineExecutionResults results = run(Fixtures.Slow.class, "slow");
        Throwable t = failure(results);
        assertInstanceOf(AssertionError.class, t);
        String m = t.getMessage();
        assertTrue(m.startsWith("stage 'Slow.slow' missed its budget (0 warm-up calls, then 2 rounds of 10 calls)\n"), m);
        assertTrue(m.contains("stage 'Slow.slow' budget VIOLATED"), m);
        assertTrue(m.contains("dimension") && m.contains("observed") && m.contains("p50<=1us") && m.contains("VIOLATED"), m);
        assertEquals("VIOLATED", entries(results).get("budget4j.outcome"));
    }

    @Test
    void callsThatThrowFailTheTestUnlessTheBudgetBoundsErrors() {
        Throwable always = failure(run(Fixtures.Throwing.class, "alwaysWithoutErrorLimit"));
        assertTrue(always.getMessage().startsWith("stage 'Throwing.alwaysWithoutErrorLimit': 100 of 100 measured calls threw,"
                + " and the budget has no errors limit"), always.getMessage());
        assertInstanceOf(IllegalStateException.class, always.getCause());

        Throwable checked = failure(run(Fixtures.Throwing.class, "checkedWithoutErrorLimit"));
        assertInstanceOf(IOException.class, checked.getCause(), "the body's own exception, not a wrapper");

        run(Fixtures.Throwing.class, "everyFourthWithinErrorLimit").testEvents().assertStatistics(s -> s.succeeded(1));

        Throwable beyond = failure(run(Fixtures.Throwing.class, "everyFourthBeyondErrorLimit"));
        assertTrue(beyond.getMessage().contains("errors<=10%") && beyond.getMessage().contains("VIOLATED"), beyond.getMessage());
    }

    @Test
    void anRssBudgetIsMeasuredByTheMemoryProbe() {
        EngineExecutionResults results = run(Fixtures.Resident.class, "resident");
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        Map<String, String> e = entries(results);
        assertTrue(Long.parseLong(e.get("budget4j.rss.bytes")) > 0, e.toString());
        assertTrue(e.get("budget4j.check.rss").endsWith("against rss<=1000GiB: MET"), e.get("budget4j.check.rss"));
    }

    @Test
    void anAssertionInTheBodyFailsTheTestAtOnce() {
        Fixtures.Throwing.CALLS.set(0);
        Throwable t = failure(run(Fixtures.Throwing.class, "failingAssertion"));
        assertInstanceOf(AssertionFailedError.class, t);
        assertTrue(t.getMessage().startsWith("the body's own assertion"), t.getMessage());
        assertEquals(1, Fixtures.Throwing.CALLS.get());
    }

    @Test
    void badAttributeValuesNameTheAttributeTheRuleAndTheValue() {
        Map<String, String> expected = Map.of(
                "noInvocations", "invocations must be >= 1, but was 0",
                "notAMultipleOfRounds", "invocations must be a multiple of rounds=5, but was 1001",
                "negativeWarmup", "warmup must be >= 0, but was -1",
                "noRounds", "rounds must be in [1, 1000], but was 0",
                "budgetDoesNotParse", "budget \"p99<=fast\" does not parse: ",
                "tooFewCallsForThePercentile",
                "invocations must be >= 1000 for p99.9 (a percentile p needs ceil(100 / (100 - p)) calls), but was 200",
                "cacheHitRate", "budget must not bound cacheHitRate (a test has no memo cache), but was \"cacheHitRate>=0.9\"",
                "noBudgetNoBaseline", "budget must not be blank unless a baseline is given, but was \"\"",
                "ruleWithoutBaseline", "rule needs a baseline file to compare against, but was \"p99<=1.2x\"",
                "ruleDoesNotParse", "rule \"p99>=1.2x\" does not parse: rule 'p99>=1.2x' must use <= for p99, but used >=");
        expected.forEach((method, message) -> {
            Throwable t = failure(run(Fixtures.BadValues.class, method));
            assertInstanceOf(ExtensionConfigurationException.class, t, method);
            assertTrue(t.getMessage().startsWith("@BudgetedTest on BadValues." + method + "(): " + message), t.getMessage());
        });
    }

    @Test
    void aStageHandedToTheRunnerIsMeasuredUnderTheBudget() {
        EngineExecutionResults ok = run(Fixtures.Stages.class, "split");
        ok.testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals("split", entries(ok).get("budget4j.stage"));
        assertEquals("200", entries(ok).get("budget4j.calls"));

        Throwable slow = failure(run(Fixtures.Stages.class, "sleepy"));
        assertTrue(slow.getMessage().startsWith("stage 'sleepy' missed its budget"), slow.getMessage());

        Throwable none = failure(run(Fixtures.Stages.class, "none"));
        assertEquals("@BudgetedTest on Stages.none(): the test declares a StageRunner but ran no stage through it",
                none.getMessage());

        Throwable bare = failure(run(Fixtures.RunnerWithoutAnnotation.class, "runner"));
        assertTrue(bare.getMessage().contains("a StageRunner parameter needs @BudgetedTest on its method, but runner has none"),
                bare.getMessage());
    }
}
