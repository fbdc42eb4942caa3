package org.padlock.survey;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison adjustment of a family of p-values, as R's {@code p.adjust}: Holm (1979)
 * step-down family-wise error control and Benjamini and Hochberg (1995) false-discovery-rate
 * control. {@code NaN} p-values stay {@code NaN} and do not count towards the family size
 * ({@code p.adjust}'s {@code n = length(p[!is.na(p)])}).
 */
public final class PValueAdjust {
    private PValueAdjust() {
    }

    /** Holm: the i-th smallest of m p-values times (m - i + 1), made non-decreasing, capped at 1. */
    public static double[] holm(double[] p) {
        int[] idx = order(p, false);
        int m = idx.length;
        double[] out = nanCopy(p.length);
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[idx[i]]));
            out[idx[i]] = running;
        }
        return out;
    }

    /** Benjamini-Hochberg: the i-th smallest of m p-values times m / i, made non-increasing from the top, capped at 1. */
    public static double[] benjaminiHochberg(double[] p) {
        int[] idx = order(p, true);
        int m = idx.length;
        double[] out = nanCopy(p.length);
        double running = 1;
        for (int k = 0; k < m; k++) {
            int rank = m - k;
            running = Math.min(running, (double) m / rank * p[idx[k]]);
            out[idx[k]] = Math.min(1, running);
        }
        return out;
    }

    private static int[] order(double[] p, boolean descending) {
        Comparator<Integer> c = Comparator.comparingDouble(i -> p[i]);
        return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(descending ? c.reversed() : c).mapToInt(Integer::intValue).toArray();
    }

    private static double[] nanCopy(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
