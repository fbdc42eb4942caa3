package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.padlock.estimation.ols.WlsFit;

/**
 * Covariance matrices of a {@link WlsFit} and the tests they imply.
 *
 * <p>Sandwich form {@code V = c B M B} with bread {@code B = (X'WX)^-1}; for clusters
 * {@code M = sum_g s_g s_g'} with scores {@code s_g = X_g' W_g e_g} (Cameron and Miller 2015).
 * CR1: {@code c = G/(G-1) (N-1)/(N-K)}, t(G-1), as Stata {@code vce(cluster)} and R
 * {@code sandwich::vcovCL(type = "HC1")}. HC1: {@code c = N/(N-K)}, {@code M = sum x_i x_i' w_i^2 e_i^2}.
 */
public final class Covariance {
    private final double[][] v;
    private final double df;
    private final int clusters;
    private final String label;

    private Covariance(double[][] v, double df, int clusters, String label) {
        this.v = v;
        this.df = df;
        this.clusters = clusters;
        this.label = label;
    }

    /** Computes the covariance of {@code fit} under {@code spec}. */
    public static Covariance of(WlsFit fit, CovarianceSpec spec) {
        int n = fit.n();
        int k = fit.rank();
        double[][] bread = fit.bread();
        if (spec instanceof CovarianceSpec.Classical) {
            double s2 = n > k ? fit.weightedSsr() / (n - k) : Double.NaN;
            return new Covariance(scale(bread, s2), n - k, 0, spec.label());
        }
        if (spec instanceof CovarianceSpec.Hc1) {
            double[][] meat = new double[k][k];
            for (int i = 0; i < n; i++) {
                double we = fit.weight(i) * fit.residual(i);
                Linear.addOuter(meat, fit.row(i), we * we);
            }
            double c = n > k ? (double) n / (n - k) : Double.NaN;
            return new Covariance(scale(sandwich(bread, meat), c), n - k, 0, spec.label());
        }
        CovarianceSpec.Clustered cl = (CovarianceSpec.Clustered) spec;
        ClusterIndex index = ClusterIndex.of(cl.clusters(), fit.usedRows());
        int G = index.size();
        double[][] meat = new double[k][k];
        for (double[] sg : fit.clusterScores(index.clusters(), G)) {
            Linear.addOuter(meat, sg, 1.0);
        }
        double c = 1.0;
        if (cl.stataAdjusted()) {
            c = cr1Factor(G, n, k);
        }
        double[][] v = G > 1 ? scale(sandwich(bread, meat), c) : scale(bread, Double.NaN);
        return new Covariance(v, G - 1, G, spec.label());
    }

    /** The CR1 small-sample factor {@code G/(G-1) (N-1)/(N-K)} (Stata {@code vce(cluster)}); NaN if G < 2 or N <= K. */
    static double cr1Factor(int clusters, long n, int k) {
        return clusters > 1 && n > k ? ((double) clusters / (clusters - 1)) * ((double) (n - 1) / (n - k)) : Double.NaN;
    }

    private static double[][] sandwich(double[][] b, double[][] m) {
        return Linear.sandwich(b, m);
    }

    private static double[][] scale(double[][] m, double c) {
        return Linear.scale(m, c);
    }

    /** The covariance matrix (a copy). */
    public double[][] matrix() {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].clone();
        }
        return out;
    }

    /** Reference degrees of freedom: n - k, or G - 1 for clustered estimators. */
    public double df() {
        return df;
    }

    /** Number of clusters (0 for unclustered estimators). */
    public int clusters() {
        return clusters;
    }

    public String label() {
        return label;
    }

    /** The t test of every coefficient. */
    public List<CoefficientTest> tests(WlsFit fit) {
        List<CoefficientTest> out = new ArrayList<>();
        for (String term : fit.names()) {
            out.add(test(fit, term));
        }
        return out;
    }

    /** The t test of one coefficient, with a 95% interval. */
    public CoefficientTest test(WlsFit fit, String term) {
        int j = fit.index(term);
        double est = fit.coefficient(term);
        double se = Math.sqrt(v[j][j]);
        return tTest(term, est, se, df, 0.95);
    }

    /** A two-sided t test and interval at the given confidence; NaN everywhere the df or SE is unusable. */
    public static CoefficientTest tTest(String term, double est, double se, double df, double level) {
        if (!(df > 0) || !(se > 0) || Double.isNaN(se)) {
            return new CoefficientTest(term, est, se, df, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        TDistribution t = new TDistribution(df);
        double stat = est / se;
        double p = 2 * t.cumulativeProbability(-Math.abs(stat));
        double q = t.inverseCumulativeProbability(0.5 + level / 2);
        return new CoefficientTest(term, est, se, df, stat, p, est - q * se, est + q * se);
    }
}
