package org.padlock.data;

/**
 * Stable sorting of row indices by a column of doubles, without boxing: a bottom-up merge sort on
 * {@code int} indices (Knuth, TAOCP vol. 3, s. 5.2.4) comparing with {@link Double#compare}, so that
 * equal values keep the order the indices had on entry.
 */
public final class IndexSort {
    private IndexSort() {
    }

    /** Sorts {@code idx} in place by {@code v[idx[k]]}, ties in their order on entry; returns {@code idx}. */
    public static int[] byValue(int[] idx, double[] v) {
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
