package dev.budget4j.kernel.internal;

/**
 * Top-k selection with a bounded binary heap whose root is the weakest kept entry: lowest score,
 * and among equal scores the highest index. Scores compare as by {@link Float#compare}.
 */
public final class TopK {
    private TopK() {
    }

    /**
     * The indices of the {@code k} best scores, best first, ties by lower index.
     *
     * @param scores scores, not null
     * @param k      in {@code [1, scores.length]} (checked by the caller)
     * @return the indices
     */
    public static int[] select(float[] scores, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (better(scores, i, heap[0])) {
                heap[0] = i;
                siftDown(heap, k, scores);
            }
        }
        // Pop the weakest repeatedly into the back of the result.
        int[] result = new int[k];
        for (int n = k; n > 0; n--) {
            result[n - 1] = heap[0];
            heap[0] = heap[n - 1];
            siftDown(heap, n - 1, scores);
        }
        return result;
    }

    /** Whether index {@code i} ranks above index {@code j}. */
    private static boolean better(float[] s, int i, int j) {
        int c = Float.compare(s[i], s[j]);
        return c > 0 || (c == 0 && i < j);
    }

    private static void siftUp(int[] heap, int pos, float[] s) {
        int x = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(s, heap[parent], x)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = x;
    }

    private static void siftDown(int[] heap, int size, float[] s) {
        if (size == 0) {
            return;
        }
        int x = heap[0];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(s, heap[child], heap[child + 1])) {
                child++;
            }
            if (!better(s, x, heap[child])) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = x;
    }
}
