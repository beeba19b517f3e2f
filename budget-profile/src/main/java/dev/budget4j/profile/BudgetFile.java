package dev.budget4j.profile;

import dev.budget4j.Budget;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.PropertiesFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Budgets by stage name, read from a UTF-8 properties file of {@code stage = budget text} lines,
 * e.g. {@code query.search = p50<=2ms p99<=10ms alloc<=64KiB} (see {@link Budget#parse}). Keeping
 * budgets in a file checked in beside the code lets a change of budget be reviewed like code.
 *
 * <pre>{@code
 * BudgetFile budgets = BudgetFile.read(Path.of("perf/budgets.properties"));
 * BudgetedStage<String, List<Hit>> search = Budgets.budgetedStage(searchStage, budgets.budget("query.search"));
 * }</pre>
 */
public final class BudgetFile {
    private final String source;
    private final Map<String, Budget> budgets;

    private BudgetFile(String source, Map<String, Budget> budgets) {
        this.source = source;
        this.budgets = Collections.unmodifiableMap(budgets);
    }

    /**
     * Reads a budget file.
     *
     * @param file the file, UTF-8
     * @return the budgets
     * @throws IllegalArgumentException naming the file, the key, the rule and the value when a budget does not parse
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static BudgetFile read(Path file) {
        return parse(PropertiesFile.read(file));
    }

    /**
     * Reads a budget file shipped as a resource, e.g. {@code fromResource(App.class, "/budgets.properties")}.
     *
     * @param anchor the class whose {@link Class#getResourceAsStream} finds the resource, not null
     * @param name the resource name, relative to the anchor's package unless it starts with {@code /}
     * @return the budgets
     * @throws IllegalArgumentException when the resource is missing, or naming the resource, the
     *     key, the rule and the value when a budget does not parse
     */
    public static BudgetFile fromResource(Class<?> anchor, String name) {
        return parse(PropertiesFile.resource(anchor, name));
    }

    private static BudgetFile parse(PropertiesFile file) {
        Map<String, Budget> out = new LinkedHashMap<>();
        file.entries().forEach((stage, text) -> out.put(stage, budget(file, stage, text)));
        return new BudgetFile(file.source(), out);
    }

    private static Budget budget(PropertiesFile file, String stage, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file.badValue(stage, null, text, "a budget needs at least one limit"));
        }
        for (String rule : text.split("\\s+")) {
            try {
                Budget.parse(rule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.badValue(stage, rule, text, e.getMessage()), e);
            }
        }
        try {
            return Budget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.badValue(stage, null, text, e.getMessage()), e);
        }
    }

    /**
     * The budget of a stage.
     *
     * @param stage the stage name
     * @return the budget
     * @throws IllegalArgumentException naming the file and the stages it has when it has none for {@code stage}
     */
    public Budget budget(String stage) {
        Budget b = budgets.get(Require.notNull(stage, "stage"));
        if (b == null) {
            throw new IllegalArgumentException(source + " must give a budget for stage '" + stage
                    + "', but has none (stages: " + budgets.keySet() + ")");
        }
        return b;
    }

    /** {@return where the budgets came from: the file or resource name} */
    public String source() {
        return source;
    }

    /** {@return every budget by stage name, names in order} */
    public Map<String, Budget> all() {
        return budgets;
    }

    @Override
    public String toString() {
        return "BudgetFile[" + source + ": " + budgets.keySet() + "]";
    }
}
