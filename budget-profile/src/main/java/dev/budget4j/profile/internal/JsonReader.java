package dev.budget4j.profile.internal;

import dev.budget4j.profile.BaselineFormatException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one JSON document into plain values, within {@link ReadLimits}: objects as
 * {@link LinkedHashMap} (members in file order, the last of two equal names wins), arrays as
 * {@link ArrayList}, an empty object or array as an immutable empty map or list, whole numbers as
 * {@link Long}, other numbers as {@link Double}, then strings, booleans and null. The text is
 * UTF-8 (a byte-order mark is skipped; UTF-16 and UTF-32 are recognised too).
 *
 * <p>The tree is built by recursion, which the nesting limit bounds at {@link ReadLimits#MAX_NESTING_DEPTH}
 * frames. Problems are messages that complete a sentence about the input ("is not valid JSON:
 * ... at line 3, column 7") and quote no more of it than {@link ReadLimits#excerpt} allows.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(ReadLimits.jsonConstraints())
            .errorReportConfiguration(ErrorReportConfiguration.builder().maxErrorTokenLength(ReadLimits.EXCERPT_CHARS)
                    .maxRawContentLength(ReadLimits.EXCERPT_CHARS).build())
            .build();

    private JsonReader() {
    }

    /**
     * Reads a JSON file.
     *
     * @param file the file
     * @param kind what the file should be, for messages, e.g. {@code "baseline file"}
     * @return the document's value
     * @throws BaselineFormatException naming the file and the problem: a directory, a file over
     *     {@link ReadLimits#MAX_FILE_BYTES}, an empty file, text that is not JSON, a limit exceeded
     * @throws IOException when the file cannot be read
     */
    public static Object read(Path file, String kind) throws IOException {
        ReadLimits.checkFile(file, kind);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(FACTORY.createParser(ObjectReadContext.empty(), in));
        } catch (IllegalArgumentException e) {
            throw new BaselineFormatException(file, e.getMessage());
        } catch (JacksonIOException e) {
            if (e.getCause() instanceof CharConversionException) {
                throw new BaselineFormatException(file, "is not valid JSON: " + reason(e.getCause().getMessage()));
            }
            throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e);
        }
    }

    /**
     * Parses JSON text, e.g. one line of a run history.
     *
     * @param text the text, not null
     * @return the document's value
     * @throws IllegalArgumentException whose message completes a sentence about the text, e.g.
     *     "is not valid JSON: ... at line 1, column 7"
     */
    public static Object parse(String text) {
        return parse(FACTORY.createParser(ObjectReadContext.empty(), text));
    }

    private static Object parse(JsonParser p) {
        try (p) {
            // The problems are caught inside, while the parser still knows where it is.
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw new IllegalArgumentException("is empty");
                }
                Object value = value(p, first);
                if (p.nextToken() != null) {
                    throw new IllegalArgumentException("holds more than one JSON value: another starts "
                            + at(p.currentTokenLocation()));
                }
                return value;
            } catch (UnexpectedEndOfInputException e) {
                throw new IllegalArgumentException("is not valid JSON: it ends " + at(where(e, p))
                        + " before the JSON is complete (the file may be truncated)", e);
            } catch (StreamConstraintsException e) {
                // Jackson names its own setting; the limits are budget4j's, documented with ReadLimits. The
                // exception has no location: the token being read, whose length or depth is over, starts here.
                String reason = e.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")");
                throw new IllegalArgumentException("exceeds a limit for files read by budget4j " + at(p.currentTokenLocation())
                        + ": " + reason(reason), e);
            } catch (StreamReadException e) {
                throw new IllegalArgumentException("is not valid JSON: " + reason(e.getOriginalMessage()) + " "
                        + at(where(e, p)), e);
            }
        }
    }

    private static Object value(JsonParser p, JsonToken token) {
        if (token == null) {
            throw new IllegalArgumentException("is not valid JSON: it ends " + at(p.currentLocation())
                    + " before the JSON is complete (the file may be truncated)");
        }
        switch (token) {
            case START_OBJECT: {
                JsonToken next = p.nextToken();
                if (next == JsonToken.END_OBJECT) {
                    return Map.of();
                }
                Map<String, Object> map = new LinkedHashMap<>();
                while (next != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                    next = p.nextToken();
                }
                return map;
            }
            case START_ARRAY: {
                JsonToken next = p.nextToken();
                if (next == JsonToken.END_ARRAY) {
                    return List.of();
                }
                List<Object> list = new ArrayList<>();
                while (next != JsonToken.END_ARRAY) {
                    list.add(value(p, next));
                    next = p.nextToken();
                }
                return list;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new IllegalArgumentException("holds a whole number beyond the 64-bit range "
                            + at(p.currentTokenLocation()) + ": " + ReadLimits.excerpt(p.getString()));
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("a JSON parser must not return " + token + " where a value starts");
        }
    }

    /** The exception's location when it has one, else where the parser stopped. */
    private static TokenStreamLocation where(StreamReadException e, JsonParser p) {
        TokenStreamLocation l = e.getLocation();
        return l != null && l.getLineNr() > 0 ? l : p.currentLocation();
    }

    private static String at(TokenStreamLocation l) {
        return l == null || l.getLineNr() <= 0 ? "at an unknown position" : "at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /**
     * Jackson's message without its description of the source, clipped; Jackson itself quotes at
     * most {@link ReadLimits#EXCERPT_CHARS} characters of a bad token.
     */
    private static String reason(String message) {
        return ReadLimits.reason(message == null ? null : message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", ""));
    }
}
