package dev.budget4j.rag;

import dev.budget4j.Budget;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Budgets by stage name, read from a properties file of {@code stage = budget text} lines, e.g.
 * {@code query.search = p50<=2ms p99<=10ms alloc<=64KiB}. The example's budgets live in
 * {@code budgets.properties}, checked in beside the code.
 */
public final class BudgetFile {
    /** Class-path name of the budgets that ship with the example. */
    public static final String DEFAULT_RESOURCE = "budgets.properties";

    private final String source;
    private final Map<String, Budget> budgets;

    private BudgetFile(String source, Map<String, Budget> budgets) {
        this.source = source;
        this.budgets = Collections.unmodifiableMap(budgets);
    }

    /** @return the budgets shipped with the example */
    public static BudgetFile defaults() {
        InputStream in = BudgetFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("class-path resource " + DEFAULT_RESOURCE + " must be present, but was not");
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(DEFAULT_RESOURCE, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a budget file.
     *
     * @param file the file, UTF-8
     * @return the budgets
     * @throws IllegalArgumentException naming the file, the stage and the token when a budget does not parse
     */
    public static BudgetFile read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading budget file " + file, e);
        }
    }

    private static BudgetFile parse(String source, Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, Budget> out = new LinkedHashMap<>();
        for (String stage : new java.util.TreeSet<>(p.stringPropertyNames())) {
            try {
                out.put(stage, Budget.parse(p.getProperty(stage)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": budget of stage '" + stage + "' does not parse: "
                        + e.getMessage(), e);
            }
        }
        return new BudgetFile(source, out);
    }

    /**
     * The budget of a stage.
     *
     * @param stage the stage name
     * @return the budget
     * @throws IllegalArgumentException when the file has none for {@code stage}
     */
    public Budget budget(String stage) {
        Budget b = budgets.get(stage);
        if (b == null) {
            throw new IllegalArgumentException(source + " must give a budget for stage '" + stage
                    + "', but has none (stages: " + budgets.keySet() + ")");
        }
        return b;
    }

    /** @return where the budgets came from */
    public String source() {
        return source;
    }

    /** @return all budgets by stage name */
    public Map<String, Budget> all() {
        return budgets;
    }
}
