package dev.budget4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.StageSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Calls counted by budget4j and by Micrometer agree exactly, with 8 threads calling and refreshes racing them. */
class ExactCountsTest {
    private static final int THREADS = 8;
    private static final int CALLS = 100_000;

    @Test
    void eightThreadsEveryCallCountedOnceInEveryRegistry() throws InterruptedException {
        BudgetedStage<Long, Long> stage = Budgets.budgeted(dev.budget4j.Stage.of("count", (Long x) -> {
            if (x % 1000 == 0) {
                throw new IllegalStateException("every thousandth call fails");
            }
            return x + 1;
        })).budget(Budget.parse("p99<=1s errors<=1% alloc<=1KiB")).build();
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StageMeters toSimple = BudgetMeters.builder(stage).refreshEvery(Duration.ZERO).bindTo(simple);
        StageMeters toPrometheus = BudgetMeters.builder(stage).refreshEvery(Duration.ofMillis(5)).bindTo(prometheus);

        CountDownLatch start = new CountDownLatch(1);
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                await(start);
                for (long i = 1; i <= CALLS; i++) {
                    try {
                        stage.apply(i);
                    } catch (IllegalStateException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        AtomicLong published = new AtomicLong();
        Thread refresher = new Thread(() -> {
            await(start);
            while (threads.stream().anyMatch(Thread::isAlive)) {
                published.addAndGet(toSimple.refresh());
            }
        });
        refresher.start();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        refresher.join();
        published.addAndGet(toSimple.refresh());
        toPrometheus.refresh();

        long calls = (long) THREADS * CALLS;
        StageSnapshot s = stage.snapshot();
        assertEquals(calls, s.calls());
        assertEquals(failures.get(), s.failures());
        assertEquals(THREADS * (CALLS / 1000), s.failures());
        assertEquals(calls, published.get(), "refreshes add up to the total");

        assertEquals(calls, (long) simple.get("budget4j.stage.calls").counter().count());
        assertEquals(s.failures(), (long) simple.get("budget4j.stage.failures").counter().count());
        assertEquals(calls, simple.get("budget4j.stage.latency").timer().count());
        assertEquals(calls, simple.get("budget4j.stage.allocation").summary().count());
        assertEquals(s.allocatedBytes().getAsLong(), (long) simple.get("budget4j.stage.allocation").summary().totalAmount());

        Scrape scrape = Scrape.parse(prometheus.scrape());
        Map<String, String> tag = Map.of("stage", "count");
        assertEquals(calls, (long) scrape.value("budget4j_stage_calls_total", tag));
        assertEquals(s.failures(), (long) scrape.value("budget4j_stage_failures_total", tag));
        assertEquals(calls, (long) scrape.value("budget4j_stage_latency_seconds_count", tag));
        assertEquals(calls, (long) scrape.value("budget4j_stage_latency_seconds_bucket", Map.of("stage", "count",
                "le", "+Inf")));
        assertEquals(calls, (long) scrape.value("budget4j_stage_allocation_bytes_count", tag));
        assertTrue(calls > 0);
        toSimple.close();
        toPrometheus.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
