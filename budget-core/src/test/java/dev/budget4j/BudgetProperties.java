package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BudgetProperties {

    @Property(tries = 300)
    void parseOfToStringGivesAnEqualBudget(@ForAll("budgets") Budget budget) {
        assertEquals(budget, Budget.parse(budget.toString()));
        assertEquals(budget.toString(), Budget.parse(budget.toString()).toString());
    }

    @Property(tries = 200)
    void percentilesOutsideTheRangeAreRejected(@ForAll("badPercentiles") double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budget.builder().percentile(p, Duration.ofMillis(1)));
        assertEquals(true, e.getMessage().startsWith("percentile must be in (0, 100], but was "), e.getMessage());
    }

    @Property(tries = 200)
    void errorRatesOutsideZeroToOneAreRejected(@ForAll("badFractions") double rate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budget.builder().maxErrorRate(rate));
        assertEquals(true, e.getMessage().startsWith("errors must be"), e.getMessage());
    }

    @Property(tries = 200)
    void nonPositiveDurationsAreRejected(@ForAll("nonPositiveNanos") long nanos) {
        assertThrows(IllegalArgumentException.class,
                () -> Budget.builder().max(Duration.ofNanos(nanos)));
    }

    @Property(tries = 100)
    void nonPositiveThroughputIsRejected(@ForAll("nonPositive") double perSecond) {
        assertThrows(IllegalArgumentException.class, () -> Budget.builder().minThroughput(perSecond));
    }

    @Provide
    Arbitrary<Budget> budgets() {
        Arbitrary<Limit> percentile = Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100")).ofScale(3),
                Arbitraries.longs().between(1, 3_600_000_000_000L))
                .as((p, ns) -> new Limit(Dimension.percentile(p.doubleValue()), ns));
        Arbitrary<Limit> max = Arbitraries.longs().between(1, 3_600_000_000_000L).map(ns -> new Limit(Dimension.MAX, ns));
        Arbitrary<Limit> throughput = Arbitraries.doubles().between(0.001, 1e12).ofScale(3)
                .map(t -> new Limit(Dimension.THROUGHPUT, t));
        Arbitrary<Limit> errors = Arbitraries.doubles().between(0, 1).ofScale(6).map(f -> new Limit(Dimension.ERRORS, f));
        Arbitrary<Limit> alloc = Arbitraries.longs().between(0, 1L << 40).map(b -> new Limit(Dimension.ALLOCATION, b));
        Arbitrary<Limit> rss = Arbitraries.longs().between(1, 1L << 45).map(b -> new Limit(Dimension.RSS, b));
        Arbitrary<Limit> growth = Arbitraries.longs().between(0, 1L << 45).map(b -> new Limit(Dimension.RSS_GROWTH, b));
        Arbitrary<Limit> hit = Arbitraries.doubles().between(0, 1).map(f -> new Limit(Dimension.CACHE_HIT_RATE, f));
        Arbitrary<Limit> any = Arbitraries.oneOf(percentile, max, throughput, errors, alloc, rss, growth, hit);
        return any.list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(Limit::dimension)
                .map(limits -> {
                    Budget.Builder b = Budget.builder();
                    limits.forEach(b::limit);
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Double> badPercentiles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 0),
                Arbitraries.doubles().greaterOrEqual(100.000001).lessOrEqual(1e9).ofScale(6),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Provide
    Arbitrary<Double> badFractions() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().lessOrEqual(-1e-9).greaterOrEqual(-1e6).ofScale(9),
                Arbitraries.doubles().greaterOrEqual(1.000001).lessOrEqual(1e6).ofScale(6),
                Arbitraries.of(Double.NaN));
    }

    @Provide
    Arbitrary<Long> nonPositiveNanos() {
        return Arbitraries.longs().between(-1_000_000_000_000L, 0);
    }

    @Provide
    Arbitrary<Double> nonPositive() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e9, 0), Arbitraries.of(Double.NaN,
                Double.POSITIVE_INFINITY));
    }
}
