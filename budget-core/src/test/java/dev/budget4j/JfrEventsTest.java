package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class JfrEventsTest {

    @Test
    void violationsAndOptInCallEventsReachJfr() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Stage<Integer, Integer> slow = Stage.of("jfr-slow", (Integer ms) -> {
            ticker.advance(Duration.ofMillis(ms));
            return ms;
        });
        Path file = Files.createTempFile("budget4j", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.budget4j.Violation");
            recording.enable("dev.budget4j.StageCall");
            recording.start();
            BudgetedStage<Integer, Integer> logged = Budgets.budgeted(slow).budget(Budget.parse("max<=1ms"))
                    .ticker(ticker).enforcement(Enforcement.LOG).jfrCallEvents(true).build();
            logged.apply(5);
            logged.apply(5);
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            List<RecordedEvent> violations = events.stream()
                    .filter(e -> e.getEventType().getName().equals("dev.budget4j.Violation")).toList();
            List<RecordedEvent> calls = events.stream()
                    .filter(e -> e.getEventType().getName().equals("dev.budget4j.StageCall")).toList();
            assertEquals(1, violations.size(), "once per window per dimension");
            assertEquals("jfr-slow", violations.get(0).getString("stage"));
            assertEquals("max", violations.get(0).getString("dimension"));
            assertEquals("5ms", violations.get(0).getString("observed"));
            assertEquals(2, calls.size());
            assertTrue(calls.stream().allMatch(e -> e.getString("stage").equals("jfr-slow")));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
