package dev.budget4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.BudgetedStage;
import dev.budget4j.Budgets;
import dev.budget4j.Stage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Recording memory grows with stages and processors, not with threads: many short-lived virtual
 * threads calling many stages, with nobody reading, leave only the stripes behind.
 */
class RecordingFootprintTest {
    private static final int THREADS = 10_000;
    private static final int STAGES = 12;
    private static final long LIMIT = 8L << 20;

    @Test
    void tenThousandVirtualThreadsOnTwelveStagesRetainAtMostEightMiB() throws Exception {
        runOnVirtualThreads(100, List.of()); // starts the virtual-thread scheduler before the baseline
        List<BudgetedStage<long[], long[]>> stages = new ArrayList<>();
        for (int i = 0; i < STAGES; i++) {
            stages.add(Budgets.budgetedStage(Stage.of("stage-" + i, (long[] x) -> x), Budget.parse("p99<=1s")));
        }
        long before = usedHeapAfterGc();

        runOnVirtualThreads(THREADS, stages);

        long retained = usedHeapAfterGc() - before;
        long counted = 0;
        for (BudgetedStage<long[], long[]> stage : stages) {
            CallRecorder recorder = ((DefaultBudgetedStage<long[], long[]>) stage).recorder();
            assertTrue(recorder.stripesCreated() <= CallRecorder.STRIPES, "stripes: " + recorder.stripesCreated());
            counted += recorder.footprintBytes();
        }
        assertTrue(counted <= LIMIT, "the recorders' histograms take " + counted + " B, more than 8 MiB");
        assertTrue(retained <= LIMIT, "the heap kept " + retained + " B after " + THREADS + " virtual threads x "
                + STAGES + " stages, more than 8 MiB (the histograms alone: " + counted + " B)");
        for (BudgetedStage<long[], long[]> stage : stages) {
            assertEquals(THREADS, stage.snapshot().calls(), "every call was recorded");
        }
    }

    private static void runOnVirtualThreads(int threads, List<BudgetedStage<long[], long[]>> stages) {
        long[] input = {1};
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                executor.execute(() -> {
                    for (BudgetedStage<long[], long[]> stage : stages) {
                        stage.apply(input);
                    }
                });
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
