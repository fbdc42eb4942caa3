package org.padlock.power;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * PowerUp! minimum detectable effect sizes (Dong and Maynard 2013; PowerUpR 1.1.0).
 *
 * <p>Every design shares the multiplier of PowerUpR's {@code .mdes.fun}:
 * M = t(1 - alpha/tails, df) + t(power, df), quantiles of Student's t; the MDES is M times the
 * standard error of the impact estimate for a unit effect size. Inputs are validated; a design with
 * no degrees of freedom left is an {@link IllegalArgumentException} naming the input.
 */
public final class Mdes {
    private Mdes() {
    }

    /**
     * Two-level cluster-randomised design, treatment at level 2 (PowerUp! model 3.1; PowerUpR
     * {@code mdes.cra2r2}):
     * SE = sqrt(rho (1 - R2_2) / (P (1-P) J) + (1 - rho)(1 - R2_1) / (P (1-P) J n)), df = J - g - 2.
     *
     * @param rho      intraclass correlation (share of variance between clusters), in [0, 1)
     * @param n        average (or harmonic mean) pupils per cluster, > 0
     * @param clusters J, number of clusters
     * @param p        treated share of clusters, in (0, 1)
     * @param r2Level1 share of level-1 variance explained by covariates, in [0, 1)
     * @param r2Level2 share of level-2 variance explained by covariates, in [0, 1)
     * @param g        number of level-2 covariates, >= 0
     */
    public static MdesResult cra2(double rho, double n, int clusters, double p, double r2Level1, double r2Level2,
                                  int g, TestSettings test) {
        unit("icc", rho);
        positive("cluster size", n);
        share(p);
        unit("r2-level1", r2Level1);
        unit("r2-level2", r2Level2);
        nonNegative("level-2 covariates", g);
        int df = clusters - g - 2;
        requireDf(df, "clusters - level-2 covariates - 2 must be >= 1; found " + clusters + " - " + g + " - 2 = " + df);
        double pq = p * (1 - p);
        double se = Math.sqrt(rho * (1 - r2Level2) / (pq * clusters) + (1 - rho) * (1 - r2Level1) / (pq * clusters * n));
        return result("cra2", se, df, test);
    }

    /**
     * Individual random assignment (PowerUp! model 1.0; PowerUpR {@code mdes.ira1r1}):
     * SE = sqrt((1 - R2) / (P (1-P) n)), df = n - g - 2.
     *
     * @param n  number of individuals
     * @param r2 share of outcome variance explained by covariates, in [0, 1)
     * @param g  number of covariates
     */
    public static MdesResult ira1(int n, double p, double r2, int g, TestSettings test) {
        share(p);
        unit("r2", r2);
        nonNegative("covariates", g);
        int df = n - g - 2;
        requireDf(df, "n - covariates - 2 must be >= 1; found " + n + " - " + g + " - 2 = " + df);
        return result("ira1", Math.sqrt((1 - r2) / (p * (1 - p) * n)), df, test);
    }

    /**
     * Blocked individual random assignment, two levels, random block effects (PowerUp! model 2.3;
     * PowerUpR {@code mdes.bira2r1}): treatment assigned to pupils within each of J blocks (schools),
     * SE = sqrt(rho omega (1 - R2_T2) / J + (1 - rho)(1 - R2_1) / (P (1-P) J n)), df = J - g - 1.
     *
     * @param rho     intraclass correlation, in [0, 1)
     * @param omega   variance of the treatment effect across blocks relative to the block intercept variance, >= 0
     * @param n       pupils per block
     * @param blocks  J, number of blocks
     * @param r21     share of level-1 variance explained by level-1 covariates
     * @param r2t2    share of the effect variance across blocks explained by level-2 covariates
     * @param g       number of level-2 covariates
     */
    public static MdesResult bira2r1(double rho, double omega, double n, int blocks, double p, double r21, double r2t2,
                                     int g, TestSettings test) {
        unit("icc", rho);
        if (!(omega >= 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("omega must be >= 0; found " + omega);
        }
        positive("block size", n);
        share(p);
        unit("r2-level1", r21);
        unit("r2-treatment-level2", r2t2);
        nonNegative("level-2 covariates", g);
        int df = blocks - g - 1;
        requireDf(df, "blocks - level-2 covariates - 1 must be >= 1; found " + blocks + " - " + g + " - 1 = " + df);
        double se = Math.sqrt(rho * omega * (1 - r2t2) / blocks + (1 - rho) * (1 - r21) / (p * (1 - p) * blocks * n));
        return result("bira2r1", se, df, test);
    }

    /** M = t(1 - alpha/tails, df) + t(power, df) (PowerUpR {@code .mdes.fun}). */
    public static double multiplier(double df, TestSettings test) {
        TDistribution t = new TDistribution(df);
        double tails = test.twoSided() ? 2 : 1;
        return t.inverseCumulativeProbability(1 - test.alpha() / tails) + t.inverseCumulativeProbability(test.power());
    }

    private static MdesResult result(String design, double se, int df, TestSettings test) {
        double m = multiplier(df, test);
        return new MdesResult(design, m * se, m, df, se);
    }

    private static void requireDf(int df, String message) {
        if (df < 1) {
            throw new IllegalArgumentException("no degrees of freedom left: " + message);
        }
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1); found " + v);
        }
    }

    private static void share(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("treated share must be in (0, 1); found " + p);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be > 0; found " + v);
        }
    }

    private static void nonNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0; found " + v);
        }
    }
}
