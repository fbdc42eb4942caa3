package org.padlock.data;

/**
 * Stable sorting of row indices by a column of doubles, without boxing, in the order of
 * {@link Double#compare}; equal values keep the order the indices had on entry. Short arrays use a
 * bottom-up merge sort on {@code int} indices (Knuth, TAOCP vol. 3, s. 5.2.4), long ones a
 * least-significant-digit radix sort (Knuth, s. 5.2.5) on the order-preserving 32-bit key of each
 * value rounded to {@code float} (the key flips the magnitude bits of negative values; rounding never
 * reverses an order), which is stable, and finishes runs of equal keys exactly with the merge sort,
 * so that both give the same permutation. Sorting values alone ({@link #values}) goes through the same sort.
 */
public final class IndexSort {
    private IndexSort() {
    }

    /** Sorts {@code idx} in place by {@code v[idx[k]]}, ties in their order on entry; returns {@code idx}. */
    public static int[] byValue(int[] idx, double[] v) {
        return idx.length >= RADIX_MIN ? radix(idx, v) : merge(idx, v);
    }

    /** Below this length the merge sort is faster than the radix passes with their counters. */
    static final int RADIX_MIN = 4096;

    /**
     * Sorts {@code v} in place in the order of {@link Double#compare} (as {@link java.util.Arrays#sort(double[])}:
     * -0.0 before 0.0, NaN last); returns {@code v}. Long arrays are put in the order {@link #byValue}
     * gives their positions (equal values are equal doubles, so its stability does not show).
     */
    public static double[] values(double[] v) {
        int n = v.length;
        if (n < RADIX_MIN) {
            java.util.Arrays.sort(v);
            return v;
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        radix(order, v);
        double[] sorted = new double[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = v[order[k]];
        }
        System.arraycopy(sorted, 0, v, 0, n);
        return v;
    }

    /** Bits per digit of the 32-bit keys of {@link #radix}: passes of 11, 11 and 10 bits. */
    private static final int DIGIT32 = 11;
    private static final int DIGIT32_MASK = (1 << DIGIT32) - 1;

    /**
     * The unsigned order of the key is the order of {@code (float) d} ({@code Float.compare}, -0.0 before
     * 0.0), NaN last; equal keys for values that round to the same float.
     */
    private static int floatKey(double d) {
        if (Double.isNaN(d)) {
            return -1;
        }
        int b = Float.floatToRawIntBits((float) d);
        return (b ^ ((b >> 31) & Integer.MAX_VALUE)) ^ Integer.MIN_VALUE;
    }

    /**
     * The radix path of {@link #byValue}: a stable LSD radix sort of {@code idx} on the 32-bit keys of the
     * values rounded to {@code float} ({@link #floatKey}), in three passes of 11, 11 and 10 bits (passes
     * whose digit is the same for every key skipped); runs of equal keys, whose values may still differ,
     * are then put in exact order by the stable merge sort.
     */
    static int[] radix(int[] idx, double[] v) {
        int n = idx.length;
        if (n == 0) {
            return idx;
        }
        int[] key = new int[n];
        int[][] count = new int[3][(1 << DIGIT32) + 1];
        // every digit's counts in one pass over the keys (the keys' digits do not change between passes)
        for (int k = 0; k < n; k++) {
            int x = floatKey(v[idx[k]]);
            key[k] = x;
            count[0][(x & DIGIT32_MASK) + 1]++;
            count[1][((x >>> DIGIT32) & DIGIT32_MASK) + 1]++;
            count[2][(x >>> (2 * DIGIT32)) + 1]++;
        }
        int[] key2 = new int[n];
        int[] idxIn = idx;
        int[] idx2 = new int[n];
        for (int d = 0; d < 3; d++) {
            int shift = d * DIGIT32;
            int[] c = count[d];
            if (c[((key[0] >>> shift) & DIGIT32_MASK) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int b = 0; b < DIGIT32_MASK + 1; b++) {
                c[b + 1] += c[b];
            }
            for (int k = 0; k < n; k++) {
                int pos = c[(key[k] >>> shift) & DIGIT32_MASK]++;
                key2[pos] = key[k];
                idx2[pos] = idx[k];
            }
            int[] tk = key;
            key = key2;
            key2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        if (idx != idxIn) {
            System.arraycopy(idx, 0, idxIn, 0, n);
        }
        int[] tmp = idx2 == idxIn ? idx : idx2;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && key[j] == key[i]) {
                j++;
            }
            if (j - i > 1) {
                merge(idxIn, v, i, j, tmp);
            }
            i = j;
        }
        return idxIn;
    }

    static int[] merge(int[] idx, double[] v) {
        merge(idx, v, 0, idx.length, new int[idx.length]);
        return idx;
    }

    /** Stable bottom-up merge sort of {@code idx[from..to-1]} by {@code v}, with {@code tmp} (as long as {@code idx}) as scratch. */
    private static void merge(int[] idx, double[] v, int from, int to, int[] tmp) {
        int n = to - from;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                if (Double.compare(v[idx[mid - 1]], v[idx[mid]]) <= 0) {
                    continue;
                }
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    tmp[k++] = Double.compare(v[idx[b]], v[idx[a]]) < 0 ? idx[b++] : idx[a++];
                }
                while (a < mid) {
                    tmp[k++] = idx[a++];
                }
                while (b < hi) {
                    tmp[k++] = idx[b++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
    }
}
