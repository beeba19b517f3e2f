/**
 * budget4j for Micrometer: {@link dev.budget4j.micrometer.BudgetMeters} publishes a budgeted stage
 * to any {@code MeterRegistry}, {@link dev.budget4j.micrometer.PrometheusRules} writes Prometheus
 * alerting rules for its budget.
 *
 * <p>Micrometer's jars carry no module descriptor but do declare a stable
 * {@code Automatic-Module-Name} ({@code micrometer.core}), so this module can require it by that
 * name without the file-name warning budget-core accepts for HdrHistogram. It is required
 * transitively because the API takes a {@code MeterRegistry}; javac's warnings about requiring an
 * automatic module are suppressed for those reasons.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.budget4j.micrometer {
    requires transitive dev.budget4j.core;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports dev.budget4j.micrometer;
}
