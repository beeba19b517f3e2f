package dev.budget4j.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.Enforcement;
import dev.budget4j.Recording;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The executor-side path with fake tasks: one recording per task, exactly that task's calls. */
class ExecutorStageTest {
    private static final Budget BUDGET = Budget.parse("p99<=10ms");

    interface SerializableFunction<I, O> extends Function<I, O>, Serializable {
    }

    private static ExecutorStage<Integer, Integer> stage(String name, CollectingSink sink) {
        SerializableFunction<Integer, Integer> f = x -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative: " + x);
            }
            return x + 1;
        };
        return new ExecutorStage<>(new StageConfig(name, BUDGET, Enforcement.RECORD, null), f, sink, new FakeTasks());
    }

    @Test
    void twoTasksRunningSideBySideEachShipExactlyTheirOwnCalls() throws Exception {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> s = stage("side-by-side", sink);
        FakeTasks.Task t1 = new FakeTasks.Task();
        FakeTasks.Task t2 = new FakeTasks.Task();
        CountDownLatch bothStarted = new CountDownLatch(2);
        Thread a = new Thread(() -> FakeTasks.run(t1, () -> calls(s, 1_000, bothStarted)));
        Thread b = new Thread(() -> FakeTasks.run(t2, () -> calls(s, 700, bothStarted)));
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(0, sink.added.size(), "nothing is shipped before a task ends");
        t2.end();
        t1.end();
        assertEquals(2, sink.added.size());
        assertEquals(700, sink.added.get(0).calls());
        assertEquals(1_000, sink.added.get(1).calls());
        assertEquals(2, LocalStages.idleRecorders(s.config()), "two tasks at once: two recorders, both back in the pool");
    }

    private static void calls(ExecutorStage<Integer, Integer> s, int n, CountDownLatch started) {
        s.apply(0);
        started.countDown();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 1; i < n; i++) {
            assertEquals(i + 1, s.apply(i));
        }
    }

    @Test
    void manyTasksOneAfterAnotherReuseOneRecorder() {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> s = stage("sequential", sink);
        for (int task = 0; task < 200; task++) {
            FakeTasks.Task t = new FakeTasks.Task();
            int calls = task % 7 + 1;
            FakeTasks.run(t, () -> {
                for (int i = 0; i < calls; i++) {
                    s.apply(i);
                }
            });
            t.end();
        }
        assertEquals(200, sink.added.size(), "one recording per task");
        long expected = 0;
        for (int task = 0; task < 200; task++) {
            expected += task % 7 + 1;
            assertEquals(task % 7 + 1, sink.added.get(task).calls());
        }
        assertEquals(expected, sink.calls());
        assertEquals(1, LocalStages.idleRecorders(s.config()), "memory grows with tasks at once, not tasks seen");
    }

    @Test
    void failuresPropagateAndAreCountedInTheTasksRecording() {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> s = stage("failing", sink);
        FakeTasks.Task t = new FakeTasks.Task();
        FakeTasks.run(t, () -> {
            for (int i = -5; i < 5; i++) {
                int x = i;
                if (x < 0) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(x));
                    assertEquals("negative: " + x, e.getMessage());
                } else {
                    s.apply(x);
                }
            }
        });
        t.end();
        Recording r = sink.added.get(0);
        assertEquals(10, r.calls());
        assertEquals(5, r.failures());
    }

    @Test
    void aCallWhileTheTaskEndsIsRecordedAloneAndShippedAtOnce() {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> s = stage("late", sink);
        FakeTasks.Task t = new FakeTasks.Task();
        FakeTasks.run(t, () -> s.apply(1));
        t.end();
        FakeTasks.run(t, () -> s.apply(2)); // e.g. another end hook flushing its last batch through the stage
        assertEquals(2, sink.added.size());
        assertEquals(2, sink.calls());
        assertEquals(1, LocalStages.idleRecorders(s.config()));
    }

    @Test
    void callsOutsideAnyTaskGoToAnAdoptedRecorder() {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> s = stage("outside", sink);
        for (int i = 0; i < 30; i++) {
            s.apply(i);
        }
        assertEquals(0, sink.added.size());
        assertEquals(1, sink.adopted.size());
        assertEquals(30, sink.adopted.get(0).takeInterval().calls());
    }

    @Test
    void aDeserializedCopyBindsAfreshInItsOwnTask() throws Exception {
        CollectingSink sink = new CollectingSink();
        ExecutorStage<Integer, Integer> original = stage("copied", sink);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        @SuppressWarnings("unchecked")
        ExecutorStage<Integer, Integer> copy = (ExecutorStage<Integer, Integer>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        FakeTasks.Task t = new FakeTasks.Task();
        FakeTasks.run(t, () -> assertEquals(42, copy.apply(41)));
        t.end();
        assertTrue(copy.toString().contains("copied"));
        assertEquals(0, sink.added.size(), "the copy has its own sink, as a task's copy of the accumulator");
    }
}
