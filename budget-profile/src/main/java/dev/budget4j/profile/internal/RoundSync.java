package dev.budget4j.profile.internal;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the timed rounds of the two child JVMs of a duet pair at the same moment, and has them
 * trade CPUs from one round to the next. Each child that is ready for its next round waits until
 * the other is ready too (a child that ends, or fails, leaves, so the other never waits for it);
 * then the first child runs round {@code r} on CPU slot {@code r % 2} and the second on the other
 * slot ({@link CpuPinning}).
 *
 * <p>Why both: on a small cloud runner each virtual CPU changes speed on its own, by up to half,
 * for seconds at a time (the host moves it between cores and neighbours), so two halves measured
 * at the same moment on two CPUs still differ by whatever separates their CPUs just then. Rounds
 * in step share the moment (Bulej et al., "Duet Benchmarking", ICPE 2020, run the two workloads
 * in sync for this reason); trading CPUs every round puts each half on each CPU for half of its
 * rounds, so the gate can cancel the CPUs' difference by comparing the rounds that ran side by
 * side, round by round ({@code Gate}, duet pairs).
 */
public final class RoundSync {
    private final Phaser phaser = new Phaser();
    private final AtomicInteger parties = new AtomicInteger();
    private final AtomicInteger lastRound = new AtomicInteger(-1);

    /** {@return this child's index (0 for the first to join)}; called before it starts */
    int join() {
        phaser.register();
        return parties.getAndIncrement();
    }

    /**
     * Waits until every child still running is ready for its next round.
     *
     * @param party the child's index from {@link #join()}
     * @return the CPU slot of this child for the round
     */
    int ready(int party) {
        int round = phaser.getPhase();
        if (round >= 0) {
            lastRound.accumulateAndGet(round, Math::max);
        }
        phaser.arriveAndAwaitAdvance();
        return (party + Math.max(0, round)) % 2;
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
