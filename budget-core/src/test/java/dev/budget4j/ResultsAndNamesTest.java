package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Verdicts and reports only come from checking figures; the slowest call has one name. */
class ResultsAndNamesTest {

    @Test
    void verdictsAndReportsCannotBeConstructedOutsideBudgetCore() {
        for (Class<?> type : List.of(Verdict.class, StageReport.class)) {
            assertFalse(type.isRecord(), type + " is a record, whose canonical constructor is public");
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()),
                        type.getSimpleName() + " must not have a public constructor, but has " + c);
            }
        }
    }

    @Test
    void aReportOfARecordingIsItsFiguresCheckedAgainstItsBudget() {
        Histogram h = new Histogram(Recording.PRECISION);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L);
        }
        Recording r = Recording.of("embed", Budget.parse("p99<=50ms"), h, 0, OptionalLong.empty(), 0, 1_000_000_000L,
                OptionalLong.empty(), OptionalLong.empty());
        StageReport report = StageReport.of(r);
        assertEquals("embed", report.name());
        assertEquals(100, report.snapshot().calls());
        assertEquals(Outcome.VIOLATED, report.verdict().outcome());
        assertTrue(report.children().isEmpty());
        Recording unbudgeted = Recording.of("embed", null, h, 0, OptionalLong.empty(), 0, 1, OptionalLong.empty(),
                OptionalLong.empty());
        assertThrows(IllegalStateException.class, () -> StageReport.of(unbudgeted));
    }

    @Test
    void aTreeRegroupsReportsWithoutChangingTheirFigures() {
        BudgetedStage<Integer, Integer> a = Budgets.budgetedStage("a", (Integer x) -> x + 1, Budget.parse("max<=1s"));
        BudgetedStage<Integer, Integer> b = Budgets.budgetedStage("b", (Integer x) -> x * 2, Budget.parse("max<=1s"));
        b.apply(a.apply(1));
        StageReport end = b.report();
        StageReport tree = StageReport.tree("run", end, List.of(a.report(), end));
        assertEquals("run", tree.name());
        assertSame(end.snapshot(), tree.snapshot());
        assertSame(end.verdict(), tree.verdict());
        assertEquals(List.of("a", "b"), tree.children().stream().map(StageReport::name).toList());
        assertThrows(UnsupportedOperationException.class, () -> tree.children().clear());
        assertThrows(IllegalArgumentException.class, () -> StageReport.tree(" ", end, List.of()));
        assertThrows(NullPointerException.class, () -> StageReport.tree("run", null, List.of()));
    }

    @Test
    void theSlowestCallHasOneName() {
        assertEquals("MAX", Dimension.MAX.kind().name());
        assertEquals("max", Dimension.MAX.label());
        assertEquals(Dimension.MAX, Dimension.ofLabel("max"));
        Budget written = Budget.parse("p99<=10ms max<=50ms");
        assertEquals(Budget.builder().p99(Duration.ofMillis(10)).max(Duration.ofMillis(50)).build(), written,
                "budget text written before the rename reads the same");
        assertEquals("p99<=10ms max<=50ms", written.toString());
        assertEquals(Dimension.MAX, written.limits().get(1).dimension());
    }
}
