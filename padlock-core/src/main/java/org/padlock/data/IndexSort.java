package org.padlock.data;

/**
 * Stable sorting of row indices by a column of doubles, without boxing, in the order of
 * {@link Double#compare}; equal values keep the order the indices had on entry. Short arrays use a
 * bottom-up merge sort on {@code int} indices (Knuth, TAOCP vol. 3, s. 5.2.4), long ones a
 * least-significant-digit radix sort on 13-bit digits of the order-preserving 64-bit key of each
 * double (Knuth, s. 5.2.5; the key flips the magnitude bits of negative values), which is stable
 * and therefore gives the same permutation. Sorting values alone ({@link #values}) uses 32-bit keys
 * of the values rounded to {@code float}, and finishes runs of equal keys exactly.
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

    /**
     * Sorts {@code v} in place in the order of {@link Double#compare} (as {@link java.util.Arrays#sort(double[])}:
     * -0.0 before 0.0, NaN last); returns {@code v}. Long arrays are sorted by a radix sort of 32-bit
     * keys, the order-preserving keys of the values rounded to {@code float} (rounding never reverses
     * an order), in three passes of 11, 11 and 10 bits, the values carried along; a run of equal keys
     * (values that round to the same float, which continuous data rarely share) is then sorted exactly.
     */
    public static double[] values(double[] v) {
        int n = v.length;
        if (n < RADIX_MIN) {
            java.util.Arrays.sort(v);
            return v;
        }
        int[] key = new int[n];
        for (int k = 0; k < n; k++) {
            key[k] = floatKey(v[k]);
        }
        int[] key2 = new int[n];
        double[] val = v;
        double[] val2 = new double[n];
        int[][] count = new int[3][(1 << DIGIT32) + 1];
        for (int k = 0; k < n; k++) {
            int x = key[k];
            count[0][(x & DIGIT32_MASK) + 1]++;
            count[1][((x >>> DIGIT32) & DIGIT32_MASK) + 1]++;
            count[2][(x >>> (2 * DIGIT32)) + 1]++;
        }
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
                val2[pos] = val[k];
            }
            int[] tk = key;
            key = key2;
            key2 = tk;
            double[] tv = val;
            val = val2;
            val2 = tv;
        }
        if (val != v) {
            System.arraycopy(val, 0, v, 0, n);
        }
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && key[j] == key[i]) {
                j++;
            }
            if (j - i > 1) {
                java.util.Arrays.sort(v, i, j);
            }
            i = j;
        }
        return v;
    }

    /** Bits per digit of the 32-bit keys of {@link #values}: passes of 11, 11 and 10 bits. */
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

    /** Stable LSD radix sort of {@code key}, carrying {@code idx} along; passes whose digit is the same for every key are skipped. */
    private static void radix(long[] key, int[] idx) {
        int n = key.length;
        long[] key2 = new long[n];
        int[] idxIn = idx;
        int[] idx2 = new int[n];
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
                idx2[pos] = idx[k];
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        if (idx != idxIn) {
            System.arraycopy(idx, 0, idxIn, 0, n);
        }
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
