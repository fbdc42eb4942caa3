package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kernel and radius matching on a one-dimensional distance, as Stata's psmatch2 (Leuven and Sianesi
 * 2003, {@code kernel} and {@code radius} options; Heckman, Ichimura and Todd 1997 for the kernel
 * estimator). Each treated unit t uses every control c of its stratum (not discarded) with
 * <ul>
 *   <li>kernel: weight K((d_c - d_t)/h) normalised to sum 1 over the controls, with
 *       Epanechnikov K(u) = 3/4 (1 - u^2) for |u| &lt; 1 (else 0) or Gaussian K(u) = exp(-u^2/2);
 *       a treated unit whose kernel weights are all 0 is unmatched;</li>
 *   <li>radius: every control within the caliper, each with weight 1/(their number).</li>
 * </ul>
 * A control's weight is then the sum of its weights over the treated units ({@link MatchAssembler}),
 * which is psmatch2's {@code _weight}. The Epanechnikov kernel and radius use the controls sorted by
 * distance, so each treated unit only visits controls inside its window.
 */
final class KernelMatcher {
    private KernelMatcher() {
    }

    static void fill(List<Integer> order, double[] distance, String[] strata, Map<String, int[]> controlsByStratum,
                     MatchSpec spec, double width, boolean strict, int[][] matches, double[][] shares, int[] count) {
        Map<String, SortedUnits> sorted = new java.util.HashMap<>();
        boolean kernel = spec.method() == MatchSpec.Method.KERNEL;
        double h = spec.bandwidth();
        boolean gaussian = spec.kernel() == MatchSpec.Kernel.GAUSSIAN;
        for (int t : order) {
            SortedUnits s = sorted.computeIfAbsent(strata[t], k -> new SortedUnits(controlsByStratum.get(k), distance));
            double v = distance[t];
            int from;
            int to;
            if (kernel && gaussian) {
                from = 0;
                to = s.value.length;
            } else {
                // window widened by a rounding margin; the kernel or caliper test below decides
                double half = (kernel ? h : width) * (1 + 1e-12) + 1e-12 * Math.abs(v);
                from = s.lowerBound(v - half);
                to = s.upperBound(v + half);
            }
            List<Integer> units = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            double sum = 0;
            for (int j = from; j < to; j++) {
                double gap = s.value[j] - v;
                double k;
                if (kernel) {
                    double u = gap / h;
                    k = gaussian ? Math.exp(-0.5 * u * u) : Math.abs(u) < 1 ? 0.75 * (1 - u * u) : 0.0;
                } else {
                    double a = Math.abs(gap);
                    k = (strict ? a < width : a <= width) ? 1.0 : 0.0;
                }
                if (k > 0) {
                    units.add(s.unit[j]);
                    w.add(k);
                    sum += k;
                }
            }
            if (units.isEmpty() || !(sum > 0)) {
                matches[t] = new int[0];
                shares[t] = new double[0];
                continue;
            }
            matches[t] = units.stream().mapToInt(Integer::intValue).toArray();
            shares[t] = new double[w.size()];
            for (int a = 0; a < w.size(); a++) {
                shares[t][a] = w.get(a) / sum;
            }
            count[t] = units.size();
        }
    }
}
