package dev.budget4j.rag;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Real Europarl documents for {@link RagSuite}'s text stages: the first {@value #COUNT} of the
 * corpus (the default run's documents), read once per JVM on first use.
 */
final class SuiteDocs {
    /** Documents the suite draws from. */
    static final int COUNT = Options.DEFAULT_DOCS;

    private SuiteDocs() {
    }

    private static final class Holder {
        static final List<Document> DOCS = EuroparlCorpus.read(COUNT);
    }

    /**
     * A document drawn from the first {@value #COUNT}.
     *
     * @param random the seeded source, not null
     * @return the document
     */
    static Document any(SplittableRandom random) {
        return Holder.DOCS.get(Args.notNull(random, "random").nextInt(COUNT));
    }
}
