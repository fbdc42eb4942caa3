package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The series for {@code (I + Delta)^{-1/2} - I} used by CR2's low-rank route for large clusters among many,
 * against the eigen-decomposition route ({@link Linear#symmetricPower}) on random symmetric matrices with
 * Frobenius norms from 1e-6 up to the switch-over {@link Cr2Covariance#SERIES_NORM}, and through
 * {@code (I + F)^2 (I + Delta) = I}. Tolerance 1e-14 absolute: subtracting I from the eigen route's root
 * leaves it a few units of 1e-16 off, more than the series' own error.
 */
class InverseRootSeriesTest {
    @Test
    void seriesMatchesEigenDecomposition() {
        SplittableRandom r = new SplittableRandom(3);
        for (double target : new double[] {1e-6, 1e-3, 0.02, Cr2Covariance.SERIES_NORM}) {
            for (int n : new int[] {1, 5, 23}) {
                double[][] d = new double[n][n];
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        d[i][j] = r.nextDouble(-1, 1);
                        d[j][i] = d[i][j];
                    }
                }
                for (double[] row : d) {
                    for (double v : row) {
                        norm += v * v;
                    }
                }
                double scale = target / Math.sqrt(norm);
                double[][] t = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        d[i][j] *= scale;
                        t[i][j] = d[i][j] + (i == j ? 1 : 0);
                    }
                }
                double[][] series = Cr2Covariance.inverseRootSeries(d, target);
                double[][] eig = Linear.symmetricPower(t, -0.5, null);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(eig[i][j] - (i == j ? 1 : 0), series[i][j], 1e-14, "norm " + target + " n " + n);
                    }
                }
                // and (I + F)^2 (I + Delta) = I
                double[][] root = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        root[i][j] = series[i][j] + (i == j ? 1 : 0);
                    }
                }
                double[][] id = Linear.mult(Linear.mult(root, root), t);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(i == j ? 1 : 0, id[i][j], 1e-14, "identity, norm " + target + " n " + n);
                    }
                }
            }
        }
    }
}
