package dev.budget4j.profile.internal;

import dev.budget4j.internal.util.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code key = value} lines of a UTF-8 properties file, keys sorted, and where they came from. */
public final class PropertiesFile {
    private final String source;
    private final SortedMap<String, String> entries;

    private PropertiesFile(String source, SortedMap<String, String> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** Reads a file; an unreadable one is an {@link UncheckedIOException} naming it. */
    public static PropertiesFile read(Path file) {
        Require.notNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Reads a resource of {@code anchor} ({@link Class#getResourceAsStream}); a missing one is an {@link IllegalArgumentException}. */
    public static PropertiesFile resource(Class<?> anchor, String name) {
        Require.notNull(anchor, "anchor");
        Require.notBlank(name, "name");
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("resource " + name + " must be on the path of " + anchor.getName()
                    + ", but was not found");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(name.startsWith("/") ? name.substring(1) : name, r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }

    private static PropertiesFile parse(String source, Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        SortedMap<String, String> entries = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> entries.put(k, p.getProperty(k).strip()));
        return new PropertiesFile(source, entries);
    }

    /** {@return the file, or the resource name without a leading {@code /}, for messages} */
    public String source() {
        return source;
    }

    /** {@return every key and its value (trimmed), keys in order} */
    public SortedMap<String, String> entries() {
        return entries;
    }

    /**
     * The message of a value that does not parse: file, key, the rule (token) at fault and the value.
     *
     * @param key the key
     * @param rule the whitespace-separated token that failed, or null when the value as a whole did
     * @param value the key's value
     * @param why the parser's message
     * @return the message
     */
    public String badValue(String key, String rule, String value, String why) {
        return source + ": key '" + key + "'" + (rule == null ? "" : ", rule '" + rule + "'") + " of value '" + value
                + "' does not parse: " + why;
    }
}
