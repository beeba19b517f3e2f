package dev.budget4j.profile.internal;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the timed rounds of several child JVMs at the same moment: each child that is ready for
 * its next round waits until every other child still running is ready too. A child that ends (or
 * fails) leaves, so the others never wait for it. The two halves of a duet pair measure the same
 * stretch of time this way, and whatever slows the machine during a round slows both of them
 * (Bulej et al., "Duet Benchmarking", ICPE 2020, run the two workloads in sync for this reason).
 */
public final class RoundSync {
    private final Phaser phaser = new Phaser();
    private final AtomicInteger lastRound = new AtomicInteger(-1);

    /** Adds a child; called before it starts. */
    void join() {
        phaser.register();
    }

    /** Waits until every child still running is ready for its next round. */
    void ready() {
        int round = phaser.getPhase();
        if (round >= 0) {
            lastRound.accumulateAndGet(round, Math::max);
        }
        phaser.arriveAndAwaitAdvance();
    }

    /** Removes a child that ended, releasing any child waiting for it. */
    void leave() {
        phaser.arriveAndDeregister();
    }

    /** {@return how many rounds have started together so far} */
    public int roundsStarted() {
        return lastRound.get() + 1;
    }
}
