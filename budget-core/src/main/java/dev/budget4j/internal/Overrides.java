package dev.budget4j.internal;

import dev.budget4j.Budget;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Finds a budget override for a stage in system properties, then in the environment. */
public final class Overrides {
    /** A budget and where it came from; {@code source} is null when it is the one in the code. */
    public static final class Resolved {
        public final Budget budget;
        public final String source;

        Resolved(Budget budget, String source) {
            this.budget = budget;
            this.source = source;
        }
    }

    private Overrides() {
    }

    /** The system property naming a stage's budget override. */
    public static String propertyKey(String stage) {
        return "budget4j.budget." + stage;
    }

    /** The environment variable naming a stage's budget override. */
    public static String environmentKey(String stage) {
        return "BUDGET4J_BUDGET_" + stage.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Resolves with the real system properties and environment. */
    public static Resolved resolve(String stage, Budget coded) {
        return resolve(stage, coded, System::getProperty, System::getenv);
    }

    /** Resolves with the given lookups; an override that does not parse fails naming its source. */
    public static Resolved resolve(String stage, Budget coded, UnaryOperator<String> properties,
            UnaryOperator<String> environment) {
        String key = propertyKey(stage);
        String text = properties.apply(key);
        String source = "system property " + key;
        if (text == null) {
            key = environmentKey(stage);
            text = environment.apply(key);
            source = "environment variable " + key;
        }
        if (text == null) {
            return new Resolved(coded, null);
        }
        try {
            return new Resolved(Budget.parse(text), source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must hold a budget, but: " + e.getMessage(), e);
        }
    }
}
