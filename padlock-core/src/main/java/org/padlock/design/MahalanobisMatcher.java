package org.padlock.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy nearest-neighbour matching on a Mahalanobis distance, optionally only among controls
 * inside a caliper on the propensity distance: MatchIt's {@code distance = "mahalanobis"} and its
 * {@code mahvars} with {@code distance = "glm"} and {@code caliper} (MatchIt 4.5 {@code nn_matchC};
 * checked against MatchIt on lalonde, see reference/design-ext/README.md). Treated units in
 * matching order take their closest available control; equally close controls go to the earlier
 * one in data order. Without replacement and k &gt; 1 the matching runs in k rounds; with
 * replacement the k closest controls (plus, with ties, all as close as the k-th), skipping controls
 * that reached the reuse limit. With a caliper only the controls inside the caliper window of the
 * sorted propensity distance are examined; without one the cost is O(n_t n_c q) for q covariates.
 */
final class MahalanobisMatcher {
    private MahalanobisMatcher() {
    }

    static void fill(List<Integer> order, double[] distance, String[] strata, Map<String, int[]> controlsByStratum,
                     double[][] z, MatchSpec spec, double width, boolean strict, int[][] matches, double[][] shares,
                     int[] count) {
        int n = distance.length;
        boolean[] unavailable = new boolean[n];
        int[] uses = new int[n];
        int k = spec.ratio();
        Map<String, Window> windows = new HashMap<>();
        for (var e : controlsByStratum.entrySet()) {
            windows.put(e.getKey(), new Window(e.getValue(), distance));
        }
        if (!spec.replace()) {
            NearestNeighbourMatcher.roundsWithoutReplacement(order, k, t -> {
                int best = -1;
                double bestD = Double.POSITIVE_INFINITY;
                Window w = windows.get(strata[t]);
                int[] range = w.range(distance[t], width);
                for (int j = range[0]; j < range[1]; j++) {
                    int c = w.unit[j];
                    if (unavailable[c] || !inCaliper(distance[t], distance[c], width, strict)) {
                        continue;
                    }
                    double d = dist2(z[t], z[c]);
                    if (d < bestD || (d == bestD && c < best)) {
                        bestD = d;
                        best = c;
                    }
                }
                if (best >= 0) {
                    unavailable[best] = true;
                }
                return best;
            }, matches, shares, count);
            return;
        }
        Map<Integer, Double> dist = new HashMap<>();
        for (int t : order) {
            List<Integer> cand = new ArrayList<>();
            dist.clear();
            Window w = windows.get(strata[t]);
            int[] range = w.range(distance[t], width);
            for (int j = range[0]; j < range[1]; j++) {
                int c = w.unit[j];
                if (!unavailable[c] && inCaliper(distance[t], distance[c], width, strict)) {
                    cand.add(c);
                    dist.put(c, dist2(z[t], z[c]));
                }
            }
            cand.sort(Comparator.<Integer>comparingDouble(dist::get).thenComparingInt(i -> i));
            int take = Math.min(k, cand.size());
            if (spec.ties() && take > 0) {
                double kth = dist.get(cand.get(take - 1));
                while (take < cand.size() && dist.get(cand.get(take)) == kth) {
                    take++;
                }
            }
            int[] found = new int[take];
            for (int a = 0; a < take; a++) {
                found[a] = cand.get(a);
                if (spec.maxReuse() > 0 && ++uses[found[a]] >= spec.maxReuse()) {
                    unavailable[found[a]] = true;
                }
            }
            NearestNeighbourMatcher.setEqualShares(t, found, matches, shares, count);
        }
    }

    private static boolean inCaliper(double a, double b, double width, boolean strict) {
        if (Double.isNaN(width)) {
            return true;
        }
        double g = Math.abs(a - b);
        return strict ? g < width : g <= width;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** Controls of a stratum sorted by propensity distance, to visit only those inside a caliper window. */
    private static final class Window {
        final SortedUnits sorted;
        final int[] unit;

        Window(int[] units, double[] d) {
            sorted = new SortedUnits(units, d);
            unit = sorted.unit;
        }

        /** Sorted positions [from, to) whose distance may lie within width of v (all when no caliper). */
        int[] range(double v, double width) {
            if (Double.isNaN(width)) {
                return new int[] {0, unit.length};
            }
            // widened by a rounding margin: the exact caliper test is applied to each control visited
            double slack = 1e-12 * (Math.abs(v) + width);
            return new int[] {sorted.lowerBound(v - width - slack), sorted.upperBound(v + width + slack)};
        }
    }
}
