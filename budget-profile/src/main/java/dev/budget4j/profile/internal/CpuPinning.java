package dev.budget4j.profile.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pins the calling thread to one CPU of the process's own allowed set, on 64-bit Linux (through
 * the C library's {@code sched_setaffinity}, with JNA, which OSHI brings). A synchronized duet
 * child uses it to run each round on the CPU the parent assigned to that round, so that the two
 * halves of a pair trade CPUs from round to round (see {@link RoundSync}).
 *
 * <p>Slots, not CPU numbers, come from the parent: slot {@code s} is the {@code s}-th CPU (modulo
 * their count) of the set this process was allowed to run on when it started, so a runner limited
 * to, say, CPUs 2 and 3 pins to those.
 */
final class CpuPinning {
    /** 1,024 CPUs, as glibc's {@code cpu_set_t}. */
    private static final int MASK_WORDS = 16;

    private interface C extends Library {
        int sched_getaffinity(int pid, long size, long[] mask);

        int sched_setaffinity(int pid, long size, long[] mask);
    }

    private final C c;
    private final int[] allowed;

    private CpuPinning(C c, int[] allowed) {
        this.c = c;
        this.allowed = allowed;
    }

    /**
     * {@return pinning for this process, or empty where it is not available: not 64-bit Linux, no
     * JNA, the C library refused, or fewer than two CPUs allowed (nothing to trade)}
     */
    static Optional<CpuPinning> forThisProcess() {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return Optional.empty();
        }
        try {
            C c = Native.load("c", C.class);
            long[] mask = new long[MASK_WORDS];
            if (c.sched_getaffinity(0, MASK_WORDS * 8L, mask) != 0) {
                return Optional.empty();
            }
            List<Integer> cpus = new ArrayList<>();
            for (int cpu = 0; cpu < MASK_WORDS * 64; cpu++) {
                if ((mask[cpu / 64] & (1L << (cpu % 64))) != 0) {
                    cpus.add(cpu);
                }
            }
            if (cpus.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new CpuPinning(c, cpus.stream().mapToInt(Integer::intValue).toArray()));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Pins the calling thread (the one that measures) to the CPU of {@code slot}. The JVM's other
     * threads stay free: pinning them too (collector and compiler threads with their JVM's
     * measuring thread) did not help in alternating runs of this project's validity workloads on a
     * 2-vCPU runner (per-pair spread 6-11 % against 3-12 % with the measuring thread alone).
     *
     * @param slot {@code >= 0}
     * @return the CPU the calling thread now runs on, or -1 when the C library refused
     */
    int pin(int slot) {
        int cpu = allowed[slot % allowed.length];
        long[] mask = new long[MASK_WORDS];
        mask[cpu / 64] = 1L << (cpu % 64);
        return c.sched_setaffinity(0, MASK_WORDS * 8L, mask) == 0 ? cpu : -1;
    }
}
