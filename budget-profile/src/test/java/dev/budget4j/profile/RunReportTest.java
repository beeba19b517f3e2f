package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.scale;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Outcome;
import dev.budget4j.profile.internal.JsonReader;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every renderer takes a {@link RunReport}. A run without a baseline is reported as a run checked
 * against its budgets, never as a gate: no "gate:" headline and no REGRESSION, even when a budget
 * is violated. With a comparison, the report is the gate's.
 */
class RunReportTest {
    static final Budget MET = Budget.parse("p99<=1ms");
    static final Budget VIOLATED = Budget.parse("p50<=10ns");

    /** Three stages: one within its budget, one over it, one without a budget. */
    static Baseline run() {
        return baseline(stage("parse", LAT, TP, 64, MET), stage("score", LAT, TP, 0, VIOLATED),
                stage("free", LAT, TP, 0, null));
    }

    @Test
    void aRunWithoutABaselineSaysSoInEveryRendering() throws Exception {
        RunReport r = RunReport.of(run());
        assertTrue(r.comparison().isEmpty());
        assertEquals(Outcome.VIOLATED, r.budgetOutcome());
        assertFalse(r.passed());
        String page = r.toHtml().replaceAll("(?s)<style>.*</style>", "");
        for (String text : List.of(r.toConsoleTable(), r.toMarkdown(), r.toJson(), page)) {
            assertFalse(text.contains("gate"), "nothing was gated:\n" + text);
            assertFalse(text.contains("REGRESSION"), "nothing was compared:\n" + text);
            assertFalse(text.contains("PASS"), "nothing was compared:\n" + text);
        }
        assertTrue(r.toConsoleTable().startsWith("budget4j run: budgets VIOLATED (no baseline)\nbaseline: none given"),
                r.toConsoleTable());
        assertTrue(r.toConsoleTable().contains("stage 'score': VIOLATED"), r.toConsoleTable());
        assertTrue(r.toConsoleTable().contains("stage 'free': no budget"), r.toConsoleTable());
        assertTrue(r.toMarkdown().startsWith("## budget4j run: ❌ VIOLATED (no baseline)"), r.toMarkdown());
        assertTrue(r.toMarkdown().contains("| `score` | 1,000 |"), r.toMarkdown());

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.toJson());
        assertTrue(json.containsKey("baseline"));
        assertNull(json.get("baseline"));
        assertFalse(json.containsKey("status"), "a gate status would claim a comparison");
        assertEquals("VIOLATED", json.get("budgets"));
        List<?> stages = (List<?>) json.get("stages");
        assertEquals(3, stages.size());
        assertEquals("MET", ((Map<?, ?>) ((Map<?, ?>) stages.get(0)).get("budgetVerdict")).get("outcome"));
        assertFalse(((Map<?, ?>) stages.get(2)).containsKey("budgetVerdict"));

        String html = r.toHtml();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength(),
                "one latency curve per stage, no baseline curve");
        assertTrue(html.contains("<title>budget4j run: budgets VIOLATED (no baseline)</title>"), html);
    }

    @Test
    void aRunWithinEveryBudgetPasses() {
        RunReport r = RunReport.of(baseline(stage("parse", LAT, TP, 64, MET)));
        assertEquals(Outcome.MET, r.budgetOutcome());
        assertTrue(r.passed());
        assertEquals(List.of("parse"), List.copyOf(r.verdicts().keySet()));
        assertTrue(r.toConsoleTable().startsWith("budget4j run: budgets MET (no baseline)"), r.toConsoleTable());
    }

    @Test
    void withAComparisonTheReportIsTheGates() {
        Baseline before = baseline(stage("parse", LAT, TP, 64, MET));
        Baseline after = baseline(stage("parse", scale(LAT, 1.5), scale(TP, 0.66), 64, MET));
        GateReport gate = Gate.defaults().compare(before, after);
        RunReport r = RunReport.of(gate);
        assertEquals(gate, r.comparison().orElseThrow());
        assertEquals(after, r.run());
        assertFalse(r.passed());
        assertTrue(r.toConsoleTable().startsWith("budget4j gate: REGRESSION"), r.toConsoleTable());
        assertEquals(gate.toConsoleTable(), r.toConsoleTable());
        assertEquals(gate.toMarkdown(), r.toMarkdown());
        assertEquals(gate.toJson(), r.toJson());
        assertEquals(gate.toHtml(), r.toHtml());
    }

    @Test
    void onlyAGateMakesAGateReport() {
        for (Class<?> type : List.of(GateReport.class, RunReport.class)) {
            assertEquals(List.of(), Arrays.asList(type.getConstructors()), type + " has no public constructor");
            assertTrue(Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == GateReport.class)
                    .noneMatch(m -> Modifier.isPublic(m.getModifiers())), type + " has no public factory of a GateReport");
        }
    }
}
