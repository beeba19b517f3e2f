package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Real contention: every call recorded exactly once, none lost, while readers drain concurrently. */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int CALLS = 200_000;

    @Test
    void sixteenThreadsLoseNoCall() throws InterruptedException {
        BudgetedStage<Long, Long> stage = Budgets.budgetedStage("inc", (Long x) -> {
            if (x % 1000 == 0) {
                throw new IllegalStateException("every thousandth call fails");
            }
            return x + 1;
        }, Budget.parse("p99<=1s errors<=1%"));
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong failures = new AtomicLong();
        AtomicLong intervalCalls = new AtomicLong();
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
        Thread reader = new Thread(() -> {
            await(start);
            while (threads.stream().anyMatch(Thread::isAlive)) {
                intervalCalls.addAndGet(stage.intervalSnapshot().calls());
                stage.snapshot();
            }
        });
        reader.start();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        reader.join();
        intervalCalls.addAndGet(stage.intervalSnapshot().calls());

        StageSnapshot s = stage.snapshot();
        assertEquals(3_200_000L, s.calls());
        assertEquals(3_200_000L, intervalCalls.get(), "intervals add up to the total");
        assertEquals(failures.get(), s.failures());
        assertEquals(16L * 200, s.failures());
        assertEquals(Outcome.MET, stage.verdict().outcome(), stage.verdict().toTable());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
