package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real contention: 16 threads make a million calls each on one stage while readers take interval
 * snapshots, snapshots and verdicts; every call is recorded exactly once and every exception
 * thrown is a recorded failure. Run on platform and on virtual threads.
 */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int CALLS = 1_000_000;
    private static final long TOTAL = (long) THREADS * CALLS;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sixteenThreadsLoseNoCall(boolean virtual) throws InterruptedException {
        BudgetedStage<Long, Long> stage = Budgets.budgetedStage("inc", (Long x) -> {
            if (x % 1000 == 0) {
                throw new IllegalStateException("every thousandth call fails");
            }
            return x + 1;
        }, Budget.parse("p99<=1s errors<=1%"));
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong thrown = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(builder.start(() -> {
                await(start);
                long failed = 0;
                for (long i = 1; i <= CALLS; i++) {
                    try {
                        stage.apply(i);
                    } catch (IllegalStateException e) {
                        failed++;
                    }
                }
                thrown.addAndGet(failed);
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong intervalCalls = new AtomicLong();
        AtomicLong intervalFailures = new AtomicLong();
        List<Thread> readers = List.of(
                Thread.ofPlatform().start(() -> {
                    await(start);
                    while (writing.get()) {
                        StageSnapshot interval = stage.intervalSnapshot();
                        intervalCalls.addAndGet(interval.calls());
                        intervalFailures.addAndGet(interval.failures());
                    }
                }),
                Thread.ofPlatform().start(() -> {
                    await(start);
                    while (writing.get()) {
                        stage.snapshot();
                        stage.verdict();
                    }
                }));
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        StageSnapshot last = stage.intervalSnapshot();
        intervalCalls.addAndGet(last.calls());
        intervalFailures.addAndGet(last.failures());

        StageSnapshot s = stage.snapshot();
        assertEquals(TOTAL, s.calls());
        assertEquals(TOTAL / 1000, thrown.get());
        assertEquals(thrown.get(), s.failures(), "failures recorded = exceptions thrown");
        assertEquals(TOTAL, intervalCalls.get(), "intervals add up to the total");
        assertEquals(thrown.get(), intervalFailures.get(), "interval failures add up too");
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
