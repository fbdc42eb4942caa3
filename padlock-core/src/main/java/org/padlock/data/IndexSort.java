package org.padlock.data;

/**
 * Stable sorting of row indices by a column of doubles, without boxing, in the order of
 * {@link Double#compare}; equal values keep the order the indices had on entry. Short arrays use a
 * bottom-up merge sort on {@code int} indices (Knuth, TAOCP vol. 3, s. 5.2.4), long ones a
 * least-significant-digit radix sort on 13-bit digits of the order-preserving 64-bit key of each
 * double (Knuth, s. 5.2.5; the key flips the magnitude bits of negative values), which is stable
 * and therefore gives the same permutation.
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

    /** Bits per radix digit: five passes over 8,192 counters, which stay in the first-level cache. */
    private static final int DIGIT = 13;
    private static final int DIGIT_MASK = (1 << DIGIT) - 1;

    /** The unsigned order of the key is {@link Double#compare}'s order of the value. */
    private static long key(double d) {
        long b = Double.doubleToLongBits(d);
        // flip the magnitude bits of negative values (signed order), then the sign bit (unsigned digits)
        return (b ^ ((b >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
    }

    private static double value(long key) {
        long b = key ^ Long.MIN_VALUE;
        return Double.longBitsToDouble(b ^ ((b >> 63) & Long.MAX_VALUE));
    }

    /**
     * Sorts {@code v} in place in the order of {@link Double#compare} (as {@link java.util.Arrays#sort(double[])}:
     * -0.0 before 0.0, NaN last), by the radix sort of the keys; returns {@code v}.
     */
    public static double[] values(double[] v) {
        if (v.length < RADIX_MIN) {
            java.util.Arrays.sort(v);
            return v;
        }
        long[] key = new long[v.length];
        for (int k = 0; k < v.length; k++) {
            key[k] = key(v[k]);
        }
        key = radix(key, null);
        for (int k = 0; k < v.length; k++) {
            v[k] = value(key[k]);
        }
        return v;
    }

    static int[] radix(int[] idx, double[] v) {
        int n = idx.length;
        if (n == 0) {
            return idx;
        }
        long[] key = new long[n];
        for (int k = 0; k < n; k++) {
            key[k] = key(v[idx[k]]);
        }
        radix(key, idx);
        return idx;
    }

    /**
     * Stable LSD radix sort of {@code key}, carrying {@code idx} (when not null) along; passes whose
     * digit is the same for every key are skipped. Returns the sorted keys (possibly a new array);
     * {@code idx} holds the permutation on return.
     */
    private static long[] radix(long[] key, int[] idx) {
        int n = key.length;
        long[] key2 = new long[n];
        int[] idxIn = idx;
        int[] idx2 = idx == null ? null : new int[n];
        int passes = (64 + DIGIT - 1) / DIGIT;
        // every digit's counts in one pass over the keys (the keys' digits do not change between passes)
        int[][] count = new int[passes][(1 << DIGIT) + 1];
        for (int k = 0; k < n; k++) {
            long key0 = key[k];
            for (int d = 0; d < passes; d++) {
                count[d][(int) ((key0 >>> (d * DIGIT)) & DIGIT_MASK) + 1]++;
            }
        }
        for (int d = 0; d < passes; d++) {
            int shift = d * DIGIT;
            int[] c = count[d];
            if (c[(int) ((key[0] >>> shift) & DIGIT_MASK) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int b = 0; b < DIGIT_MASK + 1; b++) {
                c[b + 1] += c[b];
            }
            for (int k = 0; k < n; k++) {
                int pos = c[(int) ((key[k] >>> shift) & DIGIT_MASK)]++;
                key2[pos] = key[k];
                if (idx != null) {
                    idx2[pos] = idx[k];
                }
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            if (idx != null) {
                int[] ti = idx;
                idx = idx2;
                idx2 = ti;
            }
        }
        if (idx != null && idx != idxIn) {
            System.arraycopy(idx, 0, idxIn, 0, n);
        }
        return key;
    }

    static int[] merge(int[] idx, double[] v) {
        int n = idx.length;
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
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
        return idx;
    }
}
