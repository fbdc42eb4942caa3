package org.padlock.design;

import org.padlock.data.IndexSort;

/**
 * Units of one stratum sorted by their matching distance (ties by unit index), with binary search
 * on the sorted distances: the one-dimensional index shared by the nearest-neighbour, kernel/radius
 * and Mahalanobis-in-caliper matchers, so that a treated unit's candidates are found in
 * {@code O(log n)} rather than by a scan.
 */
final class SortedUnits {
    /** Unit indices in ascending order of distance. */
    final int[] unit;
    /** Their distances, ascending. */
    final double[] value;

    /**
     * @param units unit indices in ascending order (not changed)
     */
    SortedUnits(int[] units, double[] d) {
        unit = IndexSort.byValue(units.clone(), d);
        value = new double[unit.length];
        for (int j = 0; j < unit.length; j++) {
            value[j] = d[unit[j]];
        }
    }

    /** First sorted position whose value is {@code >= v}. */
    int lowerBound(double v) {
        return bound(v, false);
    }

    /** First sorted position whose value is {@code > v}. */
    int upperBound(double v) {
        return bound(v, true);
    }

    private int bound(double v, boolean upper) {
        int lo = 0;
        int hi = value.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value[mid] < v || (upper && value[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
