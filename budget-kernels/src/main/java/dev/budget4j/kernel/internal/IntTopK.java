package dev.budget4j.kernel.internal;

/**
 * Top-k selection over int scores, with the same order as {@link TopK} (higher first, ties by
 * lower index): a bounded binary heap whose root is the weakest kept entry.
 */
public final class IntTopK {
    private IntTopK() {
    }

    /**
     * The indices of the {@code k} best scores, best first, ties by lower index.
     *
     * @param scores scores, not null
     * @param k      in {@code [1, scores.length]} (checked by the caller)
     * @return the indices
     */
    public static int[] select(int[] scores, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (scores[i] > scores[heap[0]]) { // a later index never beats an equal score
                heap[0] = i;
                siftDown(heap, k, scores);
            }
        }
        int[] result = new int[k];
        for (int n = k; n > 0; n--) {
            result[n - 1] = heap[0];
            heap[0] = heap[n - 1];
            siftDown(heap, n - 1, scores);
        }
        return result;
    }

    /** Whether index {@code i} ranks above index {@code j}. */
    private static boolean better(int[] s, int i, int j) {
        return s[i] > s[j] || (s[i] == s[j] && i < j);
    }

    private static void siftUp(int[] heap, int pos, int[] s) {
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

    private static void siftDown(int[] heap, int size, int[] s) {
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
