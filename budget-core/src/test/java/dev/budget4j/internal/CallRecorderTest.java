package dev.budget4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallRecorderTest {

    @Test
    void stripesArePowersOfTwoOfAtLeastTwiceTheProcessors() {
        assertEquals(2, CallRecorder.stripeCount(1));
        assertEquals(4, CallRecorder.stripeCount(2));
        assertEquals(8, CallRecorder.stripeCount(3));
        assertEquals(8, CallRecorder.stripeCount(4));
        assertEquals(64, CallRecorder.stripeCount(32));
        assertEquals(64, CallRecorder.stripeCount(1_000), "at most 64");
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(CallRecorder.stripeCount(processors), CallRecorder.STRIPES);
    }

    /** Thread pools create their threads one after another: neighbours must not share a stripe. */
    @Test
    void consecutiveThreadIdsStartOnDifferentStripes() {
        for (int stripes = 4; stripes <= 64; stripes *= 2) {
            for (long id = 1; id < 100_000; id++) {
                assertNotEquals(CallRecorder.home(id, stripes), CallRecorder.home(id + 1, stripes),
                        "threads " + id + " and " + (id + 1) + " with " + stripes + " stripes");
            }
        }
    }

    @Test
    void homesCoverEveryStripe() {
        for (int stripes = 2; stripes <= 64; stripes *= 2) {
            Set<Integer> seen = new HashSet<>();
            for (long id = 0; id < 10 * stripes; id++) {
                int home = CallRecorder.home(id, stripes);
                assertTrue(home >= 0 && home < stripes, "home " + home + " of " + stripes);
                seen.add(home);
            }
            assertEquals(stripes, seen.size());
        }
    }

    @Test
    void aRecorderNobodyReadsHoldsOnlyItsStripes() {
        CallRecorder recorder = new CallRecorder();
        assertEquals(0, recorder.footprintBytes());
        recorder.record(0, 10, false, 0);
        assertEquals(1, recorder.stripesCreated());
        long oneStripe = recorder.footprintBytes();
        assertTrue(oneStripe > 0 && oneStripe < 64 * 1024, "one fresh stripe: " + oneStripe + " B");
        CallInterval out = new CallInterval();
        recorder.total(out);
        assertEquals(1, out.latency.getTotalCount());
        assertTrue(recorder.footprintBytes() > oneStripe, "readers' histograms come with the first read");
    }
}
