package org.padlock.power;

import java.util.HashMap;
import java.util.Map;

/**
 * The intraclass correlation by the one-way ANOVA estimator (Fisher; Donner 1986, "A review of
 * inference procedures for the intraclass correlation coefficient in the one-way random effects
 * model", Int. Stat. Review 54(1), eq. 2.2): ICC = (MSB - MSW) / (MSB + (n0 - 1) MSW) with
 * n0 = (N - sum n_j^2 / N) / (k - 1), the adjusted mean group size for unequal groups. It can be
 * negative; callers that need a variance share clamp it at 0. Missing values (NaN) are skipped.
 * padlock uses this estimator for the MDES table; the REML random-intercept ICC (lme4) differs
 * slightly for unbalanced groups.
 */
public final class Icc {
    private Icc() {
    }

    /**
     * @param y     outcome per unit (NaN = missing, skipped)
     * @param group group (cluster) per unit, same length
     * @return the ICC, or NaN with fewer than two groups or no within-group replication
     */
    public static double oneWayAnova(double[] y, String[] group) {
        if (y.length != group.length) {
            throw new IllegalArgumentException("y and group must have the same length; found " + y.length + " and " + group.length);
        }
        Map<String, double[]> acc = new HashMap<>();
        double total = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            double[] a = acc.computeIfAbsent(group[i], g -> new double[2]);
            a[0]++;
            a[1] += y[i];
            total += y[i];
            n++;
        }
        int k = acc.size();
        if (k < 2 || n <= k) {
            return Double.NaN;
        }
        double grand = total / n;
        double ssb = 0;
        double sumSq = 0;
        for (double[] a : acc.values()) {
            double m = a[1] / a[0];
            ssb += a[0] * (m - grand) * (m - grand);
            sumSq += a[0] * a[0];
        }
        double ssw = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                double[] a = acc.get(group[i]);
                double d = y[i] - a[1] / a[0];
                ssw += d * d;
            }
        }
        double msb = ssb / (k - 1);
        double msw = ssw / (n - k);
        double n0 = (n - sumSq / n) / (k - 1);
        return (msb - msw) / (msb + (n0 - 1) * msw);
    }
}
