package dev.budget4j.micrometer.internal;

import dev.budget4j.micrometer.MeterNames;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes rule groups as a Prometheus rules file. A small YAML writer is enough for this fixed
 * shape, so the module needs no YAML library: every free-text value is a quoted scalar.
 */
public final class RuleYaml {
    private RuleYaml() {
    }

    /**
     * The rules file of some stages.
     *
     * @param window the rate window, e.g. {@code 5m}
     * @param forDuration how long an expression must hold before the alert fires, e.g. {@code 5m}
     */
    public static String write(List<StageRules> stages, MeterNames names, String window, String forDuration) {
        StringBuilder out = new StringBuilder();
        out.append("# Prometheus alerting rules for budget4j stage budgets: one group per stage, one rule per\n")
                .append("# budget dimension. Generated from the budgets; change the budgets, then generate again.\n")
                .append("groups:\n");
        for (StageRules stage : stages) {
            out.append("  - name: ").append(scalar(stage.group(names))).append('\n');
            out.append("    rules:\n");
            for (AlertRule rule : stage.rules(names, window)) {
                out.append("      - alert: ").append(scalar(rule.alert())).append('\n');
                out.append("        expr: ").append(scalar(rule.expr())).append('\n');
                out.append("        for: ").append(forDuration).append('\n');
                map(out, "labels", rule.labels());
                map(out, "annotations", rule.annotations());
            }
        }
        return out.toString();
    }

    /** A duration as Prometheus writes it, e.g. {@code 5m}. */
    public static String duration(Duration duration, String parameter) {
        return PromDuration.format(duration, parameter);
    }

    private static void map(StringBuilder out, String key, Map<String, String> entries) {
        out.append("        ").append(key).append(":\n");
        entries.forEach((k, v) -> out.append("          ").append(k).append(": ").append(scalar(v)).append('\n'));
    }

    /**
     * A YAML scalar for any text: single-quoted (only {@code '} needs doubling) when every character
     * is printable, else double-quoted with escapes.
     */
    static String scalar(String text) {
        if (text.codePoints().allMatch(RuleYaml::printable)) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (!printable(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /** Printable in YAML and safe on one line: no C0/C1 controls, DEL, BOM, lone surrogates, line separators. */
    private static boolean printable(int c) {
        return c >= 0x20 && c != 0x7F && (c < 0x80 || c >= 0xA0) && c != 0xFEFF && c != 0x2028 && c != 0x2029
                && (c < 0xD800 || c > 0xDFFF);
    }
}
