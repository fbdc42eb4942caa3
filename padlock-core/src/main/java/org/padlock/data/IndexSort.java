package org.padlock.data;

/**
 * Stable sorting of row indices by a column of doubles, without boxing, in the order of
 * {@link Double#compare}; equal values keep the order the indices had on entry. Short arrays use a
 * bottom-up merge sort on {@code int} indices (Knuth, TAOCP vol. 3, s. 5.2.4), long ones a
 * least-significant-digit radix sort on 16-bit digits of the order-preserving 64-bit key of each
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

    /** Below this length the merge sort is faster than four radix passes over 65,536 counters. */
    static final int RADIX_MIN = 4096;

    static int[] radix(int[] idx, double[] v) {
        int n = idx.length;
        if (n == 0) {
            return idx;
        }
        long[] key = new long[n];
        for (int k = 0; k < n; k++) {
            long b = Double.doubleToLongBits(v[idx[k]]);
            // signed order of (b ^ (magnitude bits if negative)) is Double.compare's order; flip the sign bit for unsigned digits
            key[k] = (b ^ ((b >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
        }
        long[] key2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[65537];
        int[] out = idx;
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int k = 0; k < n; k++) {
                count[(int) ((key[k] >>> shift) & 0xFFFF) + 1]++;
            }
            if (count[(int) ((key[0] >>> shift) & 0xFFFF) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int d = 0; d < 65536; d++) {
                count[d + 1] += count[d];
            }
            for (int k = 0; k < n; k++) {
                int pos = count[(int) ((key[k] >>> shift) & 0xFFFF)]++;
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
        if (idx != out) {
            System.arraycopy(idx, 0, out, 0, n);
        }
        return out;
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
