package dev.budget4j.profile.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, strict JSON reader and writer. Objects read as {@link LinkedHashMap}, arrays as
 * {@link List}, numbers as {@link Long} when integral and written without a fraction or exponent,
 * else {@link Double}. Writes maps, lists, strings, numbers, booleans and null; non-finite doubles
 * are written as null.
 */
public final class Json {
    private final String text;
    private int pos;

    /** Thrown for text that is not JSON; the message names the position and the problem. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value that fills the whole text. */
    public static Object parse(String text) throws ParseException {
        Json p = new Json(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private ParseException error(String problem) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String at = pos >= text.length() ? "end of input (the file may be truncated)" : "line " + line + " column " + col;
        return new ParseException(problem + " at " + at);
    }

    private void ws() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Object value() throws ParseException {
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Object literal(String word, Object value) throws ParseException {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private Map<String, Object> object() throws ParseException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        ws();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            ws();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a member name");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            map.put(key, value());
            ws();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() throws ParseException {
        List<Object> list = new ArrayList<>();
        pos++;
        ws();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            ws();
            list.add(value());
            ws();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private void expect(char c) throws ParseException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() throws ParseException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                        break;
                    default:
                        throw error("bad escape \\" + e);
                }
            } else if (c < 0x20) {
                throw error("control character in string");
            } else {
                out.append(c);
            }
        }
    }

    private Object number() throws ParseException {
        int start = pos;
        boolean integral = true;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String s = text.substring(start, pos);
        try {
            if (integral) {
                return Long.parseLong(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad number '" + s + "'");
        }
    }

    /** Writes a value as indented JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    /** Writes a value as JSON on one line. */
    public static String writeLine(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v, int indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String) {
            quote(out, (String) v);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                out.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append(String.format(Locale.ROOT, "%.1f", d));
            } else {
                out.append(Double.toString(d));
            }
        } else if (v instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) v;
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (indent >= 0) {
                    newline(out, indent + 1);
                }
                quote(out, String.valueOf(e.getKey()));
                out.append(indent >= 0 ? ": " : ":");
                write(out, e.getValue(), indent < 0 ? -1 : indent + 1);
            }
            newline(out, indent);
            out.append('}');
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            boolean simple = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(simple && indent >= 0 ? ", " : ",");
                }
                if (!simple && indent >= 0) {
                    newline(out, indent + 1);
                }
                write(out, list.get(i), indent < 0 ? -1 : indent + 1);
            }
            if (!simple && !list.isEmpty()) {
                newline(out, indent);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("value must be a JSON type, but was " + v.getClass().getName());
        }
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent >= 0) {
            out.append('\n').append("  ".repeat(indent));
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
