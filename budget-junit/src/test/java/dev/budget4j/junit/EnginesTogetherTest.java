package dev.budget4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.budget4j.junit.fixtures.Fixtures;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One class with a jqwik property and a budgeted test, run as a build tool runs it: every engine
 * on the class path discovers what is its own, and both tests run and pass.
 */
class EnginesTogetherTest {

    @Test
    void aPropertyAndABudgetedTestInOneClassBothRun() {
        Fixtures.PropertyAndBudget.TRIES.set(0);
        Fixtures.PropertyAndBudget.CALLS.set(0);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Fixtures.PropertyAndBudget.class))
                .configurationParameter(Fixtures.RUN, "true")
                .configurationParameter(BudgetedTestExtension.STDOUT_PROPERTY, "false").build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        Set<String> engines = plan.getRoots().stream().filter(root -> !plan.getChildren(root).isEmpty())
                .map(TestIdentifier::getUniqueIdObject).map(id -> id.getEngineId().orElseThrow()).collect(Collectors.toSet());
        assertEquals(Set.of("junit-jupiter", "jqwik"), engines);

        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, new TestExecutionListener[] {summary});
        TestExecutionSummary s = summary.getSummary();
        assertEquals(2, s.getTestsSucceededCount(), () -> failures(s));
        assertEquals(0, s.getTestsFailedCount(), () -> failures(s));
        assertEquals(50, Fixtures.PropertyAndBudget.TRIES.get(), "the property's tries");
        assertEquals(110, Fixtures.PropertyAndBudget.CALLS.get(), "the budgeted body's warm-up and measured calls");
    }

    private static String failures(TestExecutionSummary s) {
        return s.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .collect(Collectors.joining("\n"));
    }
}
