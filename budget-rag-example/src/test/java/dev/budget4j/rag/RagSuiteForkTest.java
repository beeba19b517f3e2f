package dev.budget4j.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.budget4j.profile.Baseline;
import dev.budget4j.profile.Forks;
import dev.budget4j.profile.Harness;
import dev.budget4j.profile.StageBaseline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One real child JVM measures one cheap stage of the suite, found by class name on this test's class path. */
class RagSuiteForkTest {

    @Test
    void aForkMeasuresTheNamedStageInAFreshJvm() throws Exception {
        Harness tiny = Harness.builder().warmupIterations(10).iterations(20).rounds(2).build();
        Baseline run = Forks.builder().suite(RagSuite.class.getName()).stage("chunk").forks(1).harness(tiny)
                .forkTimeout(Duration.ofMinutes(2)).build().measure();
        assertEquals(List.of("chunk"), List.copyOf(run.stages().keySet()));
        StageBaseline chunk = run.stage("chunk").orElseThrow();
        assertEquals(1, chunk.forkCount());
        assertEquals(40, chunk.snapshot().calls());
        assertEquals(2, chunk.forks().get(0).rounds());
        assertEquals(Shipped.budgets().budget("chunk"), chunk.budget().orElseThrow());
    }
}
