package dev.budget4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one local Spark session every test class shares ({@code local[2]}: two task slots, no task
 * retries, no speculation). Started by the first class that uses the extension, stopped when the
 * whole test run ends (the root context closes what its store holds).
 */
public final class LocalSpark implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSpark.class);
    private static volatile Session current;

    /** @return the shared session; the test class must use {@code @ExtendWith(LocalSpark.class)} */
    public static SparkSession session() {
        Session s = current;
        if (s == null) {
            throw new IllegalStateException("session must be started by @ExtendWith(LocalSpark.class), but was not");
        }
        return s.spark;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Session.class, k -> new Session(), Session.class);
    }

    /** The session as a value the root store closes at the end of the run. */
    static final class Session implements AutoCloseable {
        final SparkSession spark;

        Session() {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("budget-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.speculation", "false")
                    .config("spark.sql.warehouse.dir", "target/spark-warehouse")
                    .getOrCreate();
            current = this;
        }

        @Override
        public void close() {
            current = null;
            spark.stop();
        }
    }
}
