package org.padlock.evaluation.placebo;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927, JASA 22(158); R's
 * {@code prop.test(k, n, correct = FALSE)$conf.int}).
 */
public final class Wilson {
    private Wilson() {
    }

    /**
     * @param k     successes, {@code 0 <= k <= n}
     * @param n     trials, {@code n >= 1}
     * @param level confidence level in (0, 1)
     * @return {lower, upper}
     */
    public static double[] interval(int k, int n, double level) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n >= 1; found k = " + k + ", n = " + n);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1); found " + level);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = (double) k / n;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // at k = 0 (k = n) the bound is 0 (1) exactly; the difference would leave rounding residue
        return new double[] {k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half)};
    }
}
