package dev.budget4j.rag;

/**
 * One Europarl document as read from the line file.
 *
 * @param id a stable id: {@code europarl-<line number>}, counting from 0
 * @param title the debate title
 * @param date the sitting date, {@code yyyy-MM-dd}
 * @param body the raw text
 */
public record Document(String id, String title, String date, String body) implements java.io.Serializable {
    /** Checks that no component is null. */
    public Document {
        Args.notNull(id, "id");
        Args.notNull(title, "title");
        Args.notNull(date, "date");
        Args.notNull(body, "body");
    }
}
