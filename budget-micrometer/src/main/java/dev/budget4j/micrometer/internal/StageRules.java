package dev.budget4j.micrometer.internal;

import dev.budget4j.Budget;
import dev.budget4j.Limit;
import dev.budget4j.micrometer.MeterNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of one stage: one per budget dimension, in the budget's order. */
public record StageRules(String stage, Budget budget) {

    /** The rule group's name. */
    String group(MeterNames names) {
        return names.prefix() + "." + stage;
    }

    List<AlertRule> rules(MeterNames names, String window) {
        PromNames prom = new PromNames(names);
        List<AlertRule> rules = new ArrayList<>();
        for (Limit limit : budget.limits()) {
            String dimension = limit.dimension().label();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(MeterNames.STAGE_TAG, literal(stage));
            labels.put(MeterNames.DIMENSION_TAG, dimension);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put("summary", literal("stage '" + stage + "' misses its budget on " + limit)
                    + (PromQl.perProcess(limit.dimension()) ? " on {{ $labels.instance }}" : ""));
            annotations.put("description", literal(PromQl.meaning(limit, stage, window)));
            annotations.put("budget", budget.toString());
            annotations.put("limit", limit.toString());
            rules.add(new AlertRule(alertName(names, dimension), PromQl.expression(limit, stage, prom, window),
                    labels, annotations));
        }
        return rules;
    }

    /**
     * Text that Prometheus' templating of labels and annotations leaves as it is: an action can
     * only start with "{{".
     */
    static String literal(String text) {
        return text.replace("{{", "{{ \"{{\" }}");
    }

    /** {@code Budget4j_tokenize_p99_9}: the prefix, stage and dimension, other than [A-Za-z0-9_] as {@code _}. */
    private String alertName(MeterNames names, String dimension) {
        String prefix = names.prefix();
        String raw = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + "_" + stage + "_" + dimension;
        return raw.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
