package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.padlock.data.ModelMatrix;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;

/**
 * The wild cluster bootstrap with many clusters (random draws, the tabulated and expanded sums of
 * {@link DrawSums}) against a plain loop that regenerates the same weights from the seed, builds every
 * bootstrap outcome, refits it with {@link WeightedLeastSquares} and takes its CR1 t statistic with
 * {@link Covariance}. Tolerances: t statistics 1e-9 absolute; the p-value exact (same count).
 */
class WildBootstrapManyClustersTest {
    private static final int G = 123;
    private static final int REPS = 150;

    private final double[][] x;
    private final double[] y;
    private final double[] w;
    private final String[] cl;

    WildBootstrapManyClustersTest() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 0;
        int[] size = new int[G];
        for (int g = 0; g < G; g++) {
            size[g] = 2 + r.nextInt(9);
            n += size[g];
        }
        x = new double[3][n];
        y = new double[n];
        w = new double[n];
        cl = new String[n];
        int i = 0;
        for (int g = 0; g < G; g++) {
            double treat = g % 3 == 0 ? 1 : 0;
            double u = r.nextGaussian() * 0.4;
            for (int m = 0; m < size[g]; m++, i++) {
                x[0][i] = 1;
                x[1][i] = treat;
                x[2][i] = r.nextGaussian();
                y[i] = 0.2 * treat + 0.5 * x[2][i] + u + r.nextGaussian();
                w[i] = 0.5 + r.nextDouble();
                cl[i] = String.format(Locale.ROOT, "C%03d", g);
            }
        }
    }

    private static ModelMatrix matrix(List<String> names, double[]... cols) {
        int[] rows = java.util.stream.IntStream.range(0, cols[0].length).toArray();
        return new ModelMatrix(names, cols, rows);
    }

    /** t* of {@code treat = beta0} for draw after draw, by refitting. */
    private double[] naive(BootstrapWeights weights, double beta0) {
        int n = y.length;
        double[] yr = new double[n];
        for (int i = 0; i < n; i++) {
            yr[i] = y[i] - beta0 * x[1][i];
        }
        WlsFit restricted = WeightedLeastSquares.fit(matrix(List.of("(Intercept)", "x1"), x[0], x[2]), yr, w);
        double[] b = restricted.coefficients();
        double[] support = weights.support();
        SplittableRandom rnd = new SplittableRandom(5);
        double[] t = new double[REPS];
        for (int d = 0; d < REPS; d++) {
            double[] v = new double[G];
            for (int g = 0; g < G; g++) {
                v[g] = support[rnd.nextInt(support.length)];
            }
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double fitted = b[0] + b[1] * x[2][i] + beta0 * x[1][i];
                ys[i] = fitted + v[Integer.parseInt(cl[i].substring(1))] * restricted.residual(i);
            }
            WlsFit f = WeightedLeastSquares.fit(matrix(List.of("(Intercept)", "treat", "x1"), x[0], x[1], x[2]), ys, w);
            Covariance c = Covariance.of(f, new CovarianceSpec.Clustered(cl, true));
            t[d] = (f.coefficient("treat") - beta0) / Math.sqrt(c.matrix()[1][1]);
        }
        return t;
    }

    private void check(BootstrapWeights weights) {
        WlsFit fit = WeightedLeastSquares.fit(matrix(List.of("(Intercept)", "treat", "x1"), x[0], x[1], x[2]), y, w);
        ClusterStatistics stats = ClusterStatistics.of(fit, cl);
        for (double beta0 : new double[] {0.0, 0.7}) {
            double[] expected = naive(weights, beta0);
            double[] got = WildClusterBootstrap.bootstrapT(stats, "treat", REPS, 5, weights, beta0);
            for (int d = 0; d < REPS; d++) {
                assertEquals(expected[d], got[d], 1e-9, weights + " draw " + d + " beta0 " + beta0);
            }
        }
        double[] t0 = naive(weights, 0.0);
        double tObs = fit.coefficient("treat") / Math.sqrt(Covariance.of(fit, new CovarianceSpec.Clustered(cl, true)).matrix()[1][1]);
        int count = 0;
        for (double t : t0) {
            count += Math.abs(t) >= Math.abs(tObs) * (1 - WildClusterBootstrap.TIE) ? 1 : 0;
        }
        WildBootstrapResult r = WildClusterBootstrap.test(stats, "treat", REPS, 5, weights, 0.95);
        assertEquals((double) count / REPS, r.pValue(), 0.0);
    }

    @Test
    void rademacherDrawsMatchRefits() {
        check(BootstrapWeights.RADEMACHER);
    }

    @Test
    void webbDrawsMatchRefits() {
        check(BootstrapWeights.WEBB);
    }
}
