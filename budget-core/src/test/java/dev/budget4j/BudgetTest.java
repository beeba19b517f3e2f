package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {

    @Test
    void parsesEveryDimensionAndWritesTheSameTextBack() {
        String text = "p50<=2ms p99<=10ms max<=50ms throughput>=5000/s errors<=0.1% alloc<=1KiB";
        Budget budget = Budget.parse(text);
        assertEquals(text, budget.toString());
        assertEquals(2_000_000, budget.limit(Dimension.percentile(50)).orElseThrow().value());
        assertEquals(5000, budget.limit(Dimension.THROUGHPUT).orElseThrow().value());
        assertEquals(0.001, budget.limit(Dimension.ERRORS).orElseThrow().value());
        assertEquals(1024, budget.limit(Dimension.ALLOCATION).orElseThrow().value());
    }

    @Test
    void parsesOtherUnitsAndDimensions() {
        Budget b = Budget.parse("p99.9<=1.5ms  rss<=512MiB rssGrowth<=64MB cacheHitRate>=0.8 p90<=250us max<=1s");
        assertEquals(1_500_000, b.limit(Dimension.percentile(99.9)).orElseThrow().value());
        assertEquals(512L << 20, b.limit(Dimension.RSS).orElseThrow().value());
        assertEquals(64_000_000, b.limit(Dimension.RSS_GROWTH).orElseThrow().value());
        assertEquals(0.8, b.limit(Dimension.CACHE_HIT_RATE).orElseThrow().value());
        assertEquals("p99.9<=1500us rss<=512MiB rssGrowth<=62500KiB cacheHitRate>=0.8 p90<=250us max<=1s",
                b.toString());
        assertTrue(b.needsMemoryProbe());
    }

    @Test
    void builderMatchesParsedText() {
        Budget built = Budget.builder()
                .p50(Duration.ofMillis(2))
                .p99(Duration.ofMillis(10))
                .minThroughput(5000)
                .maxErrorRate(0.001)
                .maxAllocationPerCall(1024)
                .build();
        assertEquals(Budget.parse("p50<=2ms p99<=10ms throughput>=5000/s errors<=0.1% alloc<=1KiB"), built);
    }

    @Test
    void equalityIgnoresOrder() {
        assertEquals(Budget.parse("p99<=1ms errors<=1%"), Budget.parse("errors<=1% p99<=1ms"));
        assertEquals(Budget.parse("p99<=1ms errors<=1%").hashCode(), Budget.parse("errors<=1% p99<=1ms").hashCode());
    }

    @Test
    void withReplacesAndAddsLimits() {
        Budget merged = Budget.parse("p99<=1ms errors<=1%").with(Budget.parse("p99<=2ms alloc<=0B"));
        assertEquals(Budget.parse("p99<=2ms errors<=1% alloc<=0B"), merged);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p99<=10ms bogus       | token 'bogus' at index 10",
        "p99<=10xs             | unknown duration unit 'xs'",
        "p99>=10ms             | p99 takes '<=', not '>='",
        "throughput<=5/s       | throughput takes '>=', not '<='",
        "latency<=5ms          | unknown dimension 'latency'",
        "p99<=abc              | 'abc' does not start with a number",
        "alloc<=1.5B           | must be a whole number of bytes",
        "throughput>=5         | throughput is written N/s",
    })
    void textThatDoesNotParseNamesTheTokenAndTheProblem(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("index") || e.getMessage().contains("at least one"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p0<=1ms               | percentile must be in (0, 100], but was 0.0",
        "p100.5<=1ms           | percentile must be in (0, 100], but was 100.5",
        "p99<=0ms              | p99 must be > 0 ns, but was 0 ns",
        "errors<=150%          | errors must be a fraction in [0, 1], but was 1.5",
        "cacheHitRate>=2       | cacheHitRate must be a fraction in [0, 1], but was 2.0",
        "throughput>=0/s       | throughput must be finite and > 0 calls/s, but was 0.0",
        "p99<=1ms p99<=2ms     | dimension p99 must be set once, but was already set to p99<=1ms",
    })
    void valuesOutOfRangeNameTheFieldTheRuleAndTheValue(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void builderRejectsBadValues() {
        Budget.Builder b = Budget.builder();
        assertEquals("p99.0 must be > 0 ns, but was PT-0.005S",
                assertThrows(IllegalArgumentException.class, () -> b.p99(Duration.ofMillis(-5))).getMessage());
        assertEquals("throughput must be a number, but was NaN",
                assertThrows(IllegalArgumentException.class, () -> b.minThroughput(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.maxErrorRate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> b.maxAllocationPerCall(-1));
        assertThrows(NullPointerException.class, () -> b.p99(null));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("budget must have at least one dimension, but had none", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Budget.parse("   "));
    }

    @Test
    void nullTextIsRejectedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Budget.parse(null));
        assertEquals("text must not be null", e.getMessage());
    }

    @Test
    void builderCopiesOnBuild() {
        Budget.Builder builder = Budget.builder().p99(Duration.ofMillis(1));
        Budget first = builder.build();
        builder.maxErrorRate(0.5);
        assertFalse(first.limit(Dimension.ERRORS).isPresent());
    }

    @Test
    void dimensionsAreFoundByLabel() {
        assertEquals(Dimension.percentile(99.9), Dimension.ofLabel("p99.9"));
        assertEquals(Dimension.ALLOCATION, Dimension.ofLabel("alloc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dimension.ofLabel("latency"));
        assertTrue(e.getMessage().startsWith("unknown dimension 'latency'"));
    }
}
