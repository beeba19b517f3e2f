package dev.budget4j.kernel.internal;

import dev.budget4j.kernel.spi.AbstractVectorKernels;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** How the batched kernels of the built-in backends split their work over the common fork-join pool. */
public final class Blocks {

    private static final long PARALLEL_MIN_WORK =
            Long.getLong("budget4j.kernels.parallelMinWork", AbstractVectorKernels.DEFAULT_PARALLEL_MIN_WORK);

    private Blocks() {
    }

    /**
     * Runs {@code body} once for each block start {@code 0, block, 2 * block, ...} below
     * {@code total}, on the common fork-join pool when {@code parallel} (and there are at least two
     * blocks), else on the calling thread in order.
     *
     * @param total    number of items, {@code >= 0}
     * @param block    items per block, {@code >= 1}
     * @param parallel whether to run the blocks concurrently
     * @param body     receives each block's first item index
     */
    public static void forEach(int total, int block, boolean parallel, IntConsumer body) {
        int blocks = (int) (((long) total + block - 1) / block);
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(k -> body.accept(k * block));
        } else {
            for (int k = 0; k < blocks; k++) {
                body.accept(k * block);
            }
        }
    }

    /**
     * Whether a batched kernel of this much work should be split over the common pool.
     *
     * @param multiplyAdds work of the call, in multiply-adds
     * @return {@code multiplyAdds >=} the threshold ({@code budget4j.kernels.parallelMinWork}, by
     * default {@link AbstractVectorKernels#DEFAULT_PARALLEL_MIN_WORK})
     */
    public static boolean worthParallel(long multiplyAdds) {
        return multiplyAdds >= PARALLEL_MIN_WORK;
    }
}
