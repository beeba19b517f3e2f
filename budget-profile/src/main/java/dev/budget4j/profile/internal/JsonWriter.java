package dev.budget4j.profile.internal;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as JSON. Whole numbers
 * ({@link Long}, {@link Integer}) are written as they are; other numbers as doubles, with one
 * decimal when integral below 1e15 ({@code 1000.0}) and in Java's shortest form otherwise, and as
 * null when not finite.
 *
 * <p>The indented form is budget4j's layout since its first baselines, so files diff cleanly
 * across versions: two spaces per level, {@code "name": value}, an array of plain values on one
 * line ({@code [1.0, 2.0]}), an array holding objects or arrays one element per line.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonWriter() {
    }

    /**
     * Writes a value as indented JSON, ending in a line break.
     *
     * @param value the value
     * @return the text
     * @throws IllegalArgumentException when the value holds something that is not a JSON type
     */
    public static String write(Object value) {
        return write(value, true) + "\n";
    }

    /**
     * Writes a value as JSON on one line, without spaces.
     *
     * @param value the value
     * @return the text
     * @throws IllegalArgumentException when the value holds something that is not a JSON type
     */
    public static String writeLine(Object value) {
        return write(value, false);
    }

    private static String write(Object value, boolean indented) {
        StringWriter out = new StringWriter();
        ObjectWriteContext context = indented ? new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new Layout();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        } : ObjectWriteContext.empty();
        try (JsonGenerator g = FACTORY.createGenerator(context, out)) {
            value(g, value);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                g.writeNull();
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber(String.format(Locale.ROOT, "%.1f", d));
            } else {
                g.writeNumber(Double.toString(d));
            }
        } else if (v instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) v;
            g.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            g.writeStartArray(list, list.size());
            for (Object x : list) {
                value(g, x);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("value must be a JSON type, but was " + v.getClass().getName());
        }
    }

    /**
     * budget4j's indentation. An array is laid out one element per line when it holds an object
     * or an array; the generator's current value, the list being written, tells which.
     */
    private static final class Layout implements PrettyPrinter {
        private final Deque<Boolean> multiline = new ArrayDeque<>();
        private int depth;

        private void newline(JsonGenerator g) {
            g.writeRaw("\n" + "  ".repeat(depth));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            newline(g);
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            Object list = g.currentValue();
            multiline.push(list instanceof List && ((List<?>) list).stream().anyMatch(x -> x instanceof Map || x instanceof List));
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            if (multiline.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            if (multiline.peek()) {
                g.writeRaw(',');
                newline(g);
            } else {
                g.writeRaw(", ");
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            depth--;
            if (multiline.pop() && values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
