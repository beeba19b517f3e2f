package dev.budget4j.junit;

import dev.budget4j.Stage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.junit.internal.Measurement;
import dev.budget4j.junit.internal.MethodBody;
import dev.budget4j.junit.internal.Settings;
import dev.budget4j.profile.HarnessResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit Jupiter extension behind {@link BudgetedTest}, which registers it; there is no need
 * to register it by hand. A test method without a {@link StageRunner} parameter has its body run
 * many times under the budget; one with a runner runs once and measures the stages it hands over.
 */
public final class BudgetedTestExtension implements InvocationInterceptor, ParameterResolver {
    /**
     * The configuration parameter (or system property) that makes budgeted tests write their
     * baseline files instead of comparing with them: {@value}, set to {@code true}.
     */
    public static final String RECORD_PROPERTY = "budget4j.baseline.record";

    /**
     * The configuration parameter (or system property) that turns off writing the report entries
     * to standard output as well: {@value}, set to {@code false}. Maven Surefire drops JUnit
     * report entries but keeps each test's standard output in its {@code TEST-*.xml}, so by
     * default the entries are written there too, one {@code [budget4j] key = value} line each.
     */
    public static final String STDOUT_PROPERTY = "budget4j.report.stdout";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BudgetedTestExtension.class);
    private static final String RECORD_HINT = "run once with -D" + RECORD_PROPERTY + "=true to record it";

    /** Creates the extension; JUnit does, through {@link BudgetedTest}. */
    public BudgetedTestExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        Method method = invocationContext.getExecutable();
        BudgetedTest test = method.getAnnotation(BudgetedTest.class);
        if (test == null) {
            invocation.proceed();
            return;
        }
        Settings settings = Settings.of(test, method);
        if (Arrays.asList(method.getParameterTypes()).contains(StageRunner.class)) {
            invocation.proceed();
            Runner runner = extensionContext.getStore(NAMESPACE).get(Runner.class, Runner.class);
            if (runner == null || runner.ran.isEmpty()) {
                throw new AssertionError("@BudgetedTest on " + settings.where()
                        + ": the test declares a StageRunner but ran no stage through it");
            }
            return;
        }
        // The body is called many times below, not once by JUnit.
        invocation.skip();
        MethodBody body = new MethodBody(method, invocationContext.getTarget().orElse(null), invocationContext.getArguments());
        measurement(settings, extensionContext).run(Stage.of(settings.stage(), body), random -> Boolean.TRUE);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() != StageRunner.class) {
            return false;
        }
        if (!parameterContext.getDeclaringExecutable().isAnnotationPresent(BudgetedTest.class)) {
            throw new ExtensionConfigurationException("a StageRunner parameter needs @BudgetedTest on its method, but "
                    + parameterContext.getDeclaringExecutable().getName() + " has none");
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Method method = (Method) parameterContext.getDeclaringExecutable();
        Settings settings = Settings.of(method.getAnnotation(BudgetedTest.class), method);
        Runner runner = new Runner(measurement(settings, extensionContext));
        extensionContext.getStore(NAMESPACE).put(Runner.class, runner);
        return runner;
    }

    private static Measurement measurement(Settings settings, ExtensionContext context) {
        boolean record = context.getConfigurationParameter(RECORD_PROPERTY).map(Boolean::parseBoolean).orElse(false);
        boolean stdout = context.getConfigurationParameter(STDOUT_PROPERTY).map(Boolean::parseBoolean).orElse(true);
        return new Measurement(settings, record, RECORD_HINT, entries -> {
            context.publishReportEntry(entries);
            if (stdout) {
                StringBuilder lines = new StringBuilder();
                entries.forEach((key, value) -> lines.append("[budget4j] ").append(key).append(" = ").append(value)
                        .append(System.lineSeparator()));
                System.out.print(lines);
                System.out.flush();
            }
        });
    }

    /** The runner handed to a test: measures each stage at once and remembers that it did. */
    private static final class Runner implements StageRunner {
        private final Measurement measurement;
        private final List<String> ran = new ArrayList<>();

        Runner(Measurement measurement) {
            this.measurement = measurement;
        }

        @Override
        public <I> HarnessResult run(Stage<I, ?> stage, Function<SplittableRandom, ? extends I> inputs) {
            Require.notNull(stage, "stage");
            Require.notNull(inputs, "inputs");
            ran.add(stage.name());
            return measurement.run(stage, inputs);
        }
    }
}
