package dev.budget4j.rag;

import dev.budget4j.profile.GateRules;
import dev.budget4j.profile.RatioRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The baseline gate's ratio rules, read from the checked-in {@code gate-rules.properties}:
 * {@code default = p50<=1.20x ...} for every stage, then {@code stage = rules} lines that win for
 * that stage.
 */
final class GateRulesFile {
    static final String RESOURCE = "gate-rules.properties";
    static final String DEFAULT_KEY = "default";

    private GateRulesFile() {
    }

    /** @return the shipped rules */
    static GateRules defaults() {
        InputStream in = GateRulesFile.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("class-path resource " + RESOURCE + " must be present, but was not");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(RESOURCE, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GateRules parse(String source, Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        if (p.getProperty(DEFAULT_KEY) == null) {
            throw new IllegalArgumentException(source + " must have a '" + DEFAULT_KEY + "' line, but has none");
        }
        GateRules rules = GateRules.none();
        try {
            rules = rules.with(GateRules.parse(p.getProperty(DEFAULT_KEY)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": rules of '" + DEFAULT_KEY + "' do not parse: " + e.getMessage(), e);
        }
        for (String stage : new TreeSet<>(p.stringPropertyNames())) {
            if (stage.equals(DEFAULT_KEY)) {
                continue;
            }
            try {
                for (RatioRule rule : GateRules.parse(p.getProperty(stage))) {
                    rules = rules.with(stage, rule);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": rules of stage '" + stage + "' do not parse: "
                        + e.getMessage(), e);
            }
        }
        return rules;
    }
}
