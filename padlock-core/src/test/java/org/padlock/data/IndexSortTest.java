package org.padlock.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexSort}: the radix and merge paths give the permutation of a stable sort by
 * {@link Double#compare} (checked against {@code List.sort} with that comparator, which is stable),
 * and the value sort gives {@code Arrays.sort}'s array,
 * with many ties, negative values, -0.0 and 0.0, infinities and NaN, and (for the value sort's float
 * keys) many distinct doubles that round to one float, and doubles beyond the float range and below
 * its smallest subnormal.
 */
class IndexSortTest {
    private static int[] reference(int[] idx, double[] v) {
        return IntStream.of(idx).boxed().sorted(Comparator.comparingDouble(i -> v[i])).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void radixAndMergeEqualAStableSort() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 5, 300, IndexSort.RADIX_MIN - 1, IndexSort.RADIX_MIN, 20000, 100000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(13);
                v[i] = switch (kind) {
                    case 0 -> r.nextInt(5) - 2; // ties
                    case 1 -> -0.0;
                    case 2 -> 0.0;
                    case 3 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 4 -> Double.NaN;
                    // distinct doubles that round to the same float, beyond the float range, below its subnormals
                    case 5 -> 1 + r.nextInt(1000) * 1e-13;
                    case 6 -> r.nextDouble(-1, 1) * 1e300;
                    case 7 -> r.nextDouble(-1, 1) * 1e-300;
                    default -> r.nextDouble(-1e3, 1e3) * Math.pow(10, r.nextInt(-20, 20));
                };
            }
            // entry order need not be ascending: a shuffled index list
            int[] idx = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int[] expected = reference(idx, v);
            assertArrayEquals(expected, IndexSort.radix(idx.clone(), v), "radix n=" + n);
            assertArrayEquals(expected, IndexSort.merge(idx.clone(), v), "merge n=" + n);
            assertArrayEquals(expected, IndexSort.byValue(idx.clone(), v), "byValue n=" + n);
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double[] radix = IndexSort.values(v.clone());
            for (int k = 0; k < n; k++) {
                // bit for bit: -0.0 before 0.0 and NaN last, as Arrays.sort
                assertTrue(Double.doubleToLongBits(sorted[k]) == Double.doubleToLongBits(radix[k]), "values n=" + n + " at " + k);
            }
        }
        assertTrue(IndexSort.RADIX_MIN > 1);
    }
}
