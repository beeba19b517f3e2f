package dev.budget4j.rag;

/**
 * A half-open range {@code [start, end)} of a string, in UTF-16 char indices that never split a
 * surrogate pair, so {@code text.substring(start, end)} is always well formed.
 *
 * @param start first char index, inclusive, &gt;= 0
 * @param end last char index, exclusive, &gt; start
 */
public record TextSpan(int start, int end) {
    /** Checks {@code 0 <= start < end}. */
    public TextSpan {
        Args.that(start >= 0 && start < end, "span", "must satisfy 0 <= start < end", "[" + start + ", " + end + ")");
    }
}
