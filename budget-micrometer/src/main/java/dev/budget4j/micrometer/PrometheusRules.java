package dev.budget4j.micrometer;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.internal.util.Require;
import dev.budget4j.micrometer.internal.AtomicFile;
import dev.budget4j.micrometer.internal.RuleYaml;
import dev.budget4j.micrometer.internal.StageRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Prometheus alerting rules file for stage budgets: one group per stage, one rule per budget
 * dimension, over the meters {@link BudgetMeters} publishes (same {@link MeterNames}).
 *
 * <pre>{@code
 * PrometheusRules.builder()
 *     .stage("tokenize", Budget.parse("p99<=5ms errors<=0.1%"))
 *     .build()
 *     .write(Path.of("rules/budget4j.yml"));
 * }</pre>
 * gives, for {@code p99<=5ms},
 * {@code histogram_quantile(0.99, sum by (le) (rate(budget4j_stage_latency_seconds_bucket{stage="tokenize"}[5m]))) > 0.005}.
 *
 * <p>Latency percentiles, max, throughput, errors and allocation are judged across all instances
 * (thresholds in seconds, calls per second, a fraction, bytes); rss, rssGrowth and cacheHitRate
 * are per-process figures, judged per instance from its {@code budget4j_budget_met} gauge.
 * Annotations carry the stage's whole budget text and the limit. The names assume Micrometer's
 * default Prometheus naming convention.
 */
public final class PrometheusRules {
    /** The rate window when none is set. */
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(5);
    /** How long an expression must hold before its alert fires, when none is set. */
    public static final Duration DEFAULT_FOR = Duration.ofMinutes(5);

    private final String yaml;

    private PrometheusRules(String yaml) {
        this.yaml = yaml;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the rules file's text, YAML} */
    public String yaml() {
        return yaml;
    }

    /**
     * Writes the rules file atomically: readers (a Prometheus reloading its rules) see the previous
     * file or this one, never part of it. Missing parent directories are created.
     *
     * @param file the rules file, not a directory
     * @throws IOException when writing fails; the file is then unchanged
     * @throws IllegalArgumentException when {@code file} is a directory
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(Require.notNull(file, "file"), yaml);
    }

    @Override
    public String toString() {
        return yaml;
    }

    /**
     * Configures a rules file. Stages may be added many times (distinct names); every other
     * setting may be given once.
     */
    public static final class Builder {
        private final List<StageRules> stages = new ArrayList<>();
        private MeterNames names;
        private Duration rateWindow;
        private Duration forDuration;

        private Builder() {
        }

        /**
         * Adds a stage under its budget in force (an override, when one was set).
         *
         * @param stage the budgeted stage, not null
         * @return this builder
         * @throws IllegalArgumentException when a stage of the same name was added
         */
        public Builder stage(BudgetedStage<?, ?> stage) {
            Require.notNull(stage, "stage");
            return stage(stage.name(), stage.budget());
        }

        /**
         * Adds a stage by name.
         *
         * @param name the stage name, as in the {@value MeterNames#STAGE_TAG} tag; not blank
         * @param budget its budget, not null
         * @return this builder
         * @throws IllegalArgumentException when a stage of the same name was added
         */
        public Builder stage(String name, Budget budget) {
            Require.notNull(name, "name");
            Require.that(!name.isBlank(), "name", "must not be blank", "'" + name + "'");
            Require.notNull(budget, "budget");
            for (StageRules added : stages) {
                if (added.stage().equals(name)) {
                    throw new IllegalArgumentException("name must be unique in a rules file (one group per stage),"
                            + " but '" + name + "' was already added (budget " + added.budget() + ")");
                }
            }
            stages.add(new StageRules(name, budget));
            return this;
        }

        /**
         * Sets the meter names the rules query; they must match the ones {@link BudgetMeters} publishes.
         *
         * @param names the meter names (default {@link MeterNames#DEFAULT})
         * @return this builder
         */
        public Builder names(MeterNames names) {
            this.names = Require.once(this.names, Require.notNull(names, "names"), "names");
            return this;
        }

        /**
         * Sets the range of the rules' range queries.
         *
         * @param window the range of {@code rate()} and {@code max_over_time()}, &gt; 0, whole
         *     milliseconds (default 5 minutes); at least a few scrape intervals
         * @return this builder
         */
        public Builder rateWindow(Duration window) {
            Require.positive(window, "rateWindow");
            Require.that(window.getNano() % 1_000_000 == 0, "rateWindow", "must be a whole number of milliseconds",
                    window);
            this.rateWindow = Require.once(this.rateWindow, window, "rateWindow");
            return this;
        }

        /**
         * Sets how long a rule's expression must hold before its alert fires.
         *
         * @param duration how long an expression must hold before the alert fires (the rule's
         *     {@code for:}), &gt;= 0, whole milliseconds (default 5 minutes)
         * @return this builder
         */
        public Builder forDuration(Duration duration) {
            Require.notNull(duration, "forDuration");
            Require.that(!duration.isNegative(), "forDuration", "must be >= 0 ns", duration);
            Require.that(duration.getNano() % 1_000_000 == 0, "forDuration", "must be a whole number of milliseconds",
                    duration);
            this.forDuration = Require.once(this.forDuration, duration, "forDuration");
            return this;
        }

        /**
         * Builds the rules.
         *
         * @return the rules file
         * @throws IllegalStateException when no stage was added
         */
        public PrometheusRules build() {
            if (stages.isEmpty()) {
                throw new IllegalStateException("stage must be added at least once before build(), but none was");
            }
            return new PrometheusRules(RuleYaml.write(List.copyOf(stages), names == null ? MeterNames.DEFAULT : names,
                    RuleYaml.duration(rateWindow == null ? DEFAULT_RATE_WINDOW : rateWindow, "rateWindow"),
                    RuleYaml.duration(forDuration == null ? DEFAULT_FOR : forDuration, "forDuration")));
        }
    }
}
