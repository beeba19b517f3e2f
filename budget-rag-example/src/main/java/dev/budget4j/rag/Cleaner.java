package dev.budget4j.rag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** Cleans a document: NFC normalization, control characters dropped, runs of white space collapsed. */
public final class Cleaner {
    private Cleaner() {
    }

    /**
     * Cleans one document. Pure: the same document always gives the same result.
     *
     * @param doc the raw document, not null
     * @return title and body as one cleaned text, with its content hash
     */
    public static CleanDoc clean(Document doc) {
        Args.notNull(doc, "doc");
        String joined = Normalizer.normalize(doc.title() + ". " + doc.body(), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(joined.length());
        boolean space = false;
        for (int i = 0; i < joined.length(); ) {
            int cp = joined.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(cp)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        String text = out.toString();
        return new CleanDoc(doc.id(), text, sha256(text));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
