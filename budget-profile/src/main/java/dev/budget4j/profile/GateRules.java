package dev.budget4j.profile;

import dev.budget4j.Dimension;
import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.internal.PropertiesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratio rules a {@link Gate} applies: defaults for every stage, with per-stage additions or
 * replacements. Immutable; the {@code with} methods return copies.
 *
 * <p>{@link #defaults()}: {@code p50<=1.10x p95<=1.10x p99<=1.10x throughput>=0.90x rss<=1.50x
 * alloc<=1.00x}. Allocation is exact because it is deterministic for the same code and input.
 */
public final class GateRules {
    /** The key of a rules file's line for every stage: {@value}. */
    public static final String DEFAULT_KEY = "default";

    private final Map<Dimension, RatioRule> common;
    private final Map<String, Map<Dimension, RatioRule>> perStage;

    private GateRules(Map<Dimension, RatioRule> common, Map<String, Map<Dimension, RatioRule>> perStage) {
        this.common = Collections.unmodifiableMap(new LinkedHashMap<>(common));
        Map<String, Map<Dimension, RatioRule>> copy = new LinkedHashMap<>();
        perStage.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.perStage = Collections.unmodifiableMap(copy);
    }

    /** {@return the default rules (see the class description)} */
    public static GateRules defaults() {
        return none().with(parse("p50<=1.10x p95<=1.10x p99<=1.10x throughput>=0.90x rss<=1.50x alloc<=1.00x"));
    }

    /** {@return no rules at all; add some with {@link #with(RatioRule)}} */
    public static GateRules none() {
        return new GateRules(Map.of(), Map.of());
    }

    /**
     * Reads rules from a UTF-8 properties file: a {@code default = p50<=1.20x p99<=1.20x ...} line
     * for every stage (required), then {@code stage = rules} lines whose rules add to or replace the
     * defaults for that stage.
     *
     * <pre>{@code
     * GateRules rules = GateRules.read(Path.of("perf/gate-rules.properties"));
     * GateReport report = Gate.builder().rules(rules).build().compare(baseline, current);
     * }</pre>
     *
     * @param file the file, not null
     * @return the rules
     * @throws IllegalArgumentException naming the file when it has no {@value #DEFAULT_KEY} line, or
     *     the file, the key, the rule and the value when a rule does not parse
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static GateRules read(Path file) {
        return parse(PropertiesFile.read(file));
    }

    /**
     * Reads a rules file shipped as a resource; see {@link #read(Path)} for the format.
     *
     * @param anchor the class whose {@link Class#getResourceAsStream} finds the resource, not null
     * @param name the resource name, relative to the anchor's package unless it starts with {@code /}
     * @return the rules
     * @throws IllegalArgumentException when the resource is missing or has no {@value #DEFAULT_KEY}
     *     line, or naming the resource, the key, the rule and the value when a rule does not parse
     */
    public static GateRules fromResource(Class<?> anchor, String name) {
        return parse(PropertiesFile.resource(anchor, name));
    }

    private static GateRules parse(PropertiesFile file) {
        String defaults = file.entries().get(DEFAULT_KEY);
        if (defaults == null) {
            throw new IllegalArgumentException(file.source() + " must have a '" + DEFAULT_KEY + "' line, but has none");
        }
        GateRules rules = none().with(rules(file, DEFAULT_KEY, defaults));
        for (Map.Entry<String, String> e : file.entries().entrySet()) {
            if (!e.getKey().equals(DEFAULT_KEY)) {
                for (RatioRule rule : rules(file, e.getKey(), e.getValue())) {
                    rules = rules.with(e.getKey(), rule);
                }
            }
        }
        return rules;
    }

    private static List<RatioRule> rules(PropertiesFile file, String key, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file.badValue(key, null, text, "a line needs at least one rule"));
        }
        List<RatioRule> out = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            try {
                out.add(RatioRule.parse(token));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.badValue(key, token, text, e.getMessage()), e);
            }
        }
        return out;
    }

    /**
     * Parses whitespace-separated rules, e.g. {@code "p99<=1.2x throughput>=0.8x"}.
     *
     * @param text the rules, not blank
     * @return the rules in order
     * @throws IllegalArgumentException naming the bad rule
     */
    public static List<RatioRule> parse(String text) {
        Require.notBlank(text, "rules");
        List<RatioRule> out = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            out.add(RatioRule.parse(token));
        }
        return out;
    }

    /**
     * Adds or replaces a rule for every stage.
     *
     * @param rule the rule, not null
     * @return a copy with the rule
     */
    public GateRules with(RatioRule rule) {
        Require.notNull(rule, "rule");
        Map<Dimension, RatioRule> c = new LinkedHashMap<>(common);
        c.put(rule.dimension(), rule);
        return new GateRules(c, perStage);
    }

    /**
     * Adds or replaces rules for every stage.
     *
     * @param rules the rules, not null
     * @return a copy with the rules
     */
    public GateRules with(List<RatioRule> rules) {
        GateRules out = this;
        for (RatioRule r : Require.notNull(rules, "rules")) {
            out = out.with(r);
        }
        return out;
    }

    /**
     * Adds or replaces a rule for one stage; it wins over the rule for every stage.
     *
     * @param stage the stage name, not blank
     * @param rule the rule, not null
     * @return a copy with the rule
     */
    public GateRules with(String stage, RatioRule rule) {
        Require.notBlank(stage, "stage");
        Require.notNull(rule, "rule");
        Map<String, Map<Dimension, RatioRule>> p = new LinkedHashMap<>(perStage);
        Map<Dimension, RatioRule> s = new LinkedHashMap<>(p.getOrDefault(stage, Map.of()));
        s.put(rule.dimension(), rule);
        p.put(stage, s);
        return new GateRules(common, p);
    }

    /**
     * Drops a dimension from the rules for every stage (per-stage rules stay).
     *
     * @param dimension the dimension, not null
     * @return a copy without it
     */
    public GateRules without(Dimension dimension) {
        Require.notNull(dimension, "dimension");
        Map<Dimension, RatioRule> c = new LinkedHashMap<>(common);
        c.remove(dimension);
        return new GateRules(c, perStage);
    }

    /**
     * The rules that apply to a stage: every-stage rules, with its own rules winning.
     *
     * @param stage the stage name
     * @return the rules, in order
     */
    public List<RatioRule> rulesFor(String stage) {
        Map<Dimension, RatioRule> merged = new LinkedHashMap<>(common);
        merged.putAll(perStage.getOrDefault(stage, Map.of()));
        return List.copyOf(merged.values());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        common.values().forEach(r -> out.append(out.length() == 0 ? "" : " ").append(r));
        perStage.forEach((stage, rules) -> rules.values().forEach(r -> out.append(' ').append(stage).append(':').append(r)));
        return out.toString();
    }
}
