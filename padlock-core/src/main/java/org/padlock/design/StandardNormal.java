package org.padlock.design;

/**
 * The standard normal distribution function, its logarithm and its density, in double precision
 * without special-function iterations.
 *
 * <p>{@link #cdf} and {@link #logCdf} use W. J. Cody's rational Chebyshev approximations (Cody 1969,
 * "Rational Chebyshev approximations for the error function", Math. Comp. 23, 631-637; coefficients
 * as published in Cody 1993, ACM TOMS Algorithm 715, routine ANORM, also used by R's
 * {@code pnorm}): three intervals {@code |x| <= 0.66291}, {@code <= sqrt(32)} and beyond, with
 * maximal relative error near 1e-16 in each. In the two outer intervals the factor
 * {@code exp(-x^2/2)} is evaluated as {@code exp(-s^2/2) exp(-(x-s)(x+s)/2)} with {@code s} = x
 * rounded down to a multiple of 1/16, which keeps the exponent exact (as ANORM does). The logarithm
 * is formed from the same pieces, so that {@code logCdf} stays accurate far in the lower tail where
 * {@code cdf} underflows.
 */
public final class StandardNormal {
    private static final double SQRT_32 = Math.sqrt(32);
    private static final double SMALL = 0.66291;
    private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;
    private static final double EPS = 0.5 * Math.ulp(1.0);

    private static final double[] A = {2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
        18154.981253343561249, 0.065682337918207449113};
    private static final double[] B = {47.20258190468824187, 976.09855173777669322, 10260.932208618978205,
        45507.789335026729956};
    private static final double[] C = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
        597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
        9842.7148383839780218, 1.0765576773720192317e-8};
    private static final double[] D = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
        6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
        19685.429676859990727};
    private static final double[] P = {0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
        0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303};
    private static final double[] Q = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
        0.00378239633202758244, 7.29751555083966205e-5};

    private StandardNormal() {
    }

    /** The density {@code exp(-x^2/2) / sqrt(2 pi)}. */
    public static double density(double x) {
        return Double.isInfinite(x) ? 0 : INV_SQRT_2PI * gauss(Math.abs(x));
    }

    /** {@code Phi(x) = P(Z <= x)}. */
    public static double cdf(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? x : (x > 0 ? 1 : 0);
        }
        double y = Math.abs(x);
        if (y <= SMALL) {
            return 0.5 + central(x);
        }
        double tail = gauss(y) * tailRatio(y);
        return x > 0 ? 1 - tail : tail;
    }

    /** {@code log Phi(x)}, accurate also where {@code Phi(x)} underflows. */
    public static double logCdf(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? x : (x > 0 ? 0 : Double.NEGATIVE_INFINITY);
        }
        double y = Math.abs(x);
        if (y <= SMALL) {
            return Math.log(0.5 + central(x));
        }
        if (x > 0) {
            return log1p(-gauss(y) * tailRatio(y));
        }
        double s = Math.floor(y * 16) / 16;
        return -0.5 * s * s - 0.5 * (y - s) * (y + s) + Math.log(tailRatio(y));
    }

    /**
     * {@code log(1 + x)}, accurate to a few units in the last place, by Goldberg's device (Goldberg 1991,
     * "What every computer scientist should know about floating-point arithmetic", ACM Computing
     * Surveys 23(1), Theorem 4): with {@code u = 1 + x} rounded, {@code log(u) x / (u - 1)}, or {@code x}
     * when {@code u} rounds to 1. It costs one {@link Math#log} and a division, a fraction of
     * {@link Math#log1p} (fdlibm), and is used in the per-unit log-likelihoods of the binary fits.
     */
    static double log1p(double x) {
        double u = 1 + x;
        if (u == 1) {
            return x;
        }
        if (!(u > 0) || Double.isInfinite(u)) {
            return Math.log1p(x); // -1 and below, infinities and NaN: fdlibm's special cases
        }
        return Math.log(u) * x / (u - 1);
    }

    /** {@code Phi(x) - 1/2} for {@code |x| <= 0.66291}. */
    private static double central(double x) {
        double xsq = Math.abs(x) > EPS ? x * x : 0;
        double num = A[4] * xsq;
        double den = xsq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * xsq;
            den = (den + B[i]) * xsq;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** {@code Phi(-y) exp(y^2/2)} for {@code y > 0.66291}. */
    private static double tailRatio(double y) {
        if (y <= SQRT_32) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        double xsq = 1 / (y * y);
        double num = P[5] * xsq;
        double den = xsq;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * xsq;
            den = (den + Q[i]) * xsq;
        }
        double r = xsq * (num + P[4]) / (den + Q[4]);
        return (INV_SQRT_2PI - r) / y;
    }

    /** {@code exp(-y^2/2)} for {@code y >= 0}, with y split at a multiple of 1/16 so that the large part is exact. */
    private static double gauss(double y) {
        double s = Math.floor(y * 16) / 16;
        return Math.exp(-0.5 * s * s) * Math.exp(-0.5 * (y - s) * (y + s));
    }
}
