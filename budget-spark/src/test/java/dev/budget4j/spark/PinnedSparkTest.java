package dev.budget4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pinned Spark works on the JDK the build runs tests with: it reads and writes files through
 * Hadoop's file system (Spark 4.1.x, with Hadoop 3.4.2, fails here on Java 25).
 */
@ExtendWith(LocalSpark.class)
class PinnedSparkTest {
    @Test
    void readsAndWritesFiles(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "a\nb\nc\n");
        assertEquals(3, LocalSpark.session().read().textFile(in.toString()).count());
        LocalSpark.session().read().textFile(in.toString()).write().text(dir.resolve("out").toString());
        assertEquals(3, LocalSpark.session().read().textFile(dir.resolve("out").toString()).count());
    }
}
