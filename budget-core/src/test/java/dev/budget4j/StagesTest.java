package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StagesTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutdown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void timeoutCancelsTheCallAndThrows() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Stage<Integer, Integer> hang = Stage.of("hang", (Integer x) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return x;
        });
        Stage<Integer, Integer> limited = Stages.withTimeout(hang, Duration.ofMillis(50), pool);
        StageTimeoutException e = assertThrows(StageTimeoutException.class, () -> limited.apply(1));
        assertEquals("hang", e.stage());
        assertEquals(Duration.ofMillis(50), e.timeout());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the running call was interrupted");
    }

    @Test
    void timeoutPassesResultsAndExceptionsThrough() {
        Stage<Integer, Integer> stage = Stages.withTimeout(Stage.of("half", (Integer x) -> {
            if (x < 0) {
                throw new IllegalArgumentException("x must be >= 0, but was " + x);
            }
            return x / 2;
        }), Duration.ofSeconds(5), pool);
        assertEquals(21, stage.apply(42));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stage.apply(-1));
        assertEquals("x must be >= 0, but was -1", e.getMessage());
        assertEquals("half", stage.name());
    }

    @Test
    void timeoutRejectsBadArguments() {
        Stage<Integer, Integer> s = Stage.of("s", Function.identity());
        assertEquals("timeout must be > 0 ns, but was PT0S",
                assertThrows(IllegalArgumentException.class, () -> Stages.withTimeout(s, Duration.ZERO, pool))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> Stages.withTimeout(s, Duration.ofSeconds(1), null));
    }

    @Test
    void memoCountsHitsMissesAndEvictions() {
        AtomicInteger calls = new AtomicInteger();
        MemoizedStage<Integer, Integer> memo = Stages.memoize(Stage.of("square", (Integer x) -> {
            calls.incrementAndGet();
            return x * x;
        }), Function.identity(), 2);
        assertEquals(4, memo.apply(2));
        assertEquals(4, memo.apply(2));
        assertEquals(9, memo.apply(3));
        assertEquals(16, memo.apply(4));
        assertEquals(9, memo.apply(3));
        assertEquals(4, memo.apply(2));
        CacheStats stats = memo.cacheStats();
        assertEquals(2, stats.hits());
        assertEquals(4, stats.misses());
        assertEquals(2, stats.evictions());
        assertEquals(2, stats.size());
        assertEquals(4, calls.get());
        assertEquals(2.0 / 6, stats.hitRate(), 1e-12);
        assertEquals("square", memo.name());
    }

    @Test
    void memoCachesNullsButNotExceptions() {
        AtomicInteger calls = new AtomicInteger();
        MemoizedStage<Integer, String> memo = Stages.memoize(Stage.of("maybe", (Integer x) -> {
            calls.incrementAndGet();
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return null;
        }), Function.identity(), 10);
        assertNull(memo.apply(1));
        assertNull(memo.apply(1));
        assertThrows(IllegalArgumentException.class, () -> memo.apply(-1));
        assertThrows(IllegalArgumentException.class, () -> memo.apply(-1));
        assertEquals(3, calls.get());
    }

    @Test
    void memoRejectsBadArguments() {
        Stage<Integer, Integer> s = Stage.of("s", Function.identity());
        assertEquals("maxEntries must be > 0, but was 0",
                assertThrows(IllegalArgumentException.class, () -> Stages.memoize(s, Function.identity(), 0))
                        .getMessage());
        assertEquals("key must not be null",
                assertThrows(NullPointerException.class, () -> Stages.memoize(s, null, 1)).getMessage());
    }

    @Test
    void budgetSeesTheMemoThroughATimeout() {
        MemoizedStage<Integer, Integer> memo = Stages.memoize(Stage.of("id", (Integer x) -> x), Function.identity(), 8);
        BudgetedStage<Integer, Integer> stage = Budgets.budgetedStage(
                Stages.withTimeout(memo, Duration.ofSeconds(5), pool), Budget.parse("cacheHitRate>=0.5"));
        stage.apply(1);
        stage.apply(1);
        assertEquals(0.5, stage.snapshot().cacheStats().orElseThrow().hitRate());
        assertEquals(Outcome.MET, stage.verdict().outcome());
    }
}
