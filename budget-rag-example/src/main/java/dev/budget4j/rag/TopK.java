package dev.budget4j.rag;

import java.util.Arrays;

/** Top-k selection with a bounded heap; ties go to the lower index. */
final class TopK {
    private TopK() {
    }

    /** True when (sa, ia) ranks before (sb, ib): higher score first, then lower index. */
    static boolean before(float sa, int ia, float sb, int ib) {
        int c = Float.compare(sa, sb);
        return c > 0 || (c == 0 && ia < ib);
    }

    static int[] of(float[] scores, int k) {
        Args.notNull(scores, "scores");
        Args.atLeast(k, 0, "k");
        int n = Math.min(k, scores.length);
        if (n == 0) {
            return new int[0];
        }
        // heap[0] is the worst of the best n seen so far
        int[] heap = new int[n];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size < n) {
                heap[size++] = i;
                siftUp(heap, size - 1, scores);
            } else if (before(scores[i], i, scores[heap[0]], heap[0])) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = heap[i];
        }
        Arrays.sort(boxed, (a, b) -> before(scores[a], a, scores[b], b) ? -1 : (a.equals(b) ? 0 : 1));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static boolean worse(int a, int b, float[] s) {
        return before(s[b], b, s[a], a);
    }

    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!worse(h[i], h[p], s)) {
                return;
            }
            int t = h[i];
            h[i] = h[p];
            h[p] = t;
            i = p;
        }
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int w = i;
            if (l < size && worse(h[l], h[w], s)) {
                w = l;
            }
            if (r < size && worse(h[r], h[w], s)) {
                w = r;
            }
            if (w == i) {
                return;
            }
            int t = h[i];
            h[i] = h[w];
            h[w] = t;
            i = w;
        }
    }
}
