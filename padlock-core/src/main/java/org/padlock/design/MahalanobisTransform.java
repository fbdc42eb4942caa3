package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.padlock.data.Collinearity;

/**
 * Coordinates in which Euclidean distance is the Mahalanobis distance
 * sqrt((x_t - x_c)' S^-1 (x_t - x_c)), with S the covariance pooled within the treated and control
 * groups over the units not discarded, as MatchIt 4.5's {@code transform_covariates} with
 * {@code pooled_cov}: each group centred on its own means, S = sum of cross-products / (n - 2).
 * Columns with no variance (range below sqrt(machine epsilon)) are dropped, as MatchIt does; so are
 * columns that are linear combinations of earlier ones (MatchIt's generalised inverse gives the same
 * distances for differences in the span of the data). A factor enters as its indicators with the
 * reference level dropped: MatchIt's full indicator set scaled by 1/sqrt(2) spans the same
 * differences, so the distances agree. Then z = L^-1 x for the Cholesky factor S = L L'.
 */
public final class MahalanobisTransform {
    private MahalanobisTransform() {
    }

    /**
     * @param x         covariate columns ({@code x[j][i]}), no intercept
     * @param treated   1 treated, 0 control
     * @param discarded units excluded from the covariance
     * @return per unit, its coordinates ({@code z[i][j]})
     */
    public static double[][] transform(double[][] x, int[] treated, boolean[] discarded) {
        int n = treated.length;
        List<double[]> cols = new ArrayList<>();
        double tol = Math.sqrt(Math.ulp(1.0));
        for (double[] c : x) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (Math.abs(hi - lo) >= tol) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            return new double[n][1];
        }
        double[][] s = pooledCovariance(cols, treated, discarded);
        int[] kept = Collinearity.independentTerms(s);
        int q = kept.length;
        DMatrixRMaj sk = new DMatrixRMaj(q, q);
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                sk.set(a, b, s[kept[a]][kept[b]]);
            }
        }
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(sk)) {
            throw new IllegalStateException("pooled covariance of the Mahalanobis covariates is not positive definite");
        }
        DMatrixRMaj lower = chol.getT(null);
        DMatrixRMaj linv = new DMatrixRMaj(q, q);
        CommonOps_DDRM.invert(lower, linv);
        double[][] z = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < q; a++) {
                double v = 0;
                for (int b = 0; b <= a; b++) {
                    v += linv.get(a, b) * cols.get(kept[b])[i];
                }
                z[i][a] = v;
            }
        }
        return z;
    }

    /** Covariance pooled within groups over units not discarded (MatchIt {@code pooled_cov}). */
    static double[][] pooledCovariance(List<double[]> cols, int[] treated, boolean[] discarded) {
        int p = cols.size();
        int n = treated.length;
        double[][] mean = new double[2][p];
        int[] size = new int[2];
        for (int i = 0; i < n; i++) {
            if (!discarded[i]) {
                size[treated[i]]++;
                for (int j = 0; j < p; j++) {
                    mean[treated[i]][j] += cols.get(j)[i];
                }
            }
        }
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < p; j++) {
                mean[g][j] /= Math.max(1, size[g]);
            }
        }
        int groups = (size[0] > 0 ? 1 : 0) + (size[1] > 0 ? 1 : 0);
        double[][] s = new double[p][p];
        for (int i = 0; i < n; i++) {
            if (discarded[i]) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                double da = cols.get(a)[i] - mean[treated[i]][a];
                for (int b = a; b < p; b++) {
                    s[a][b] += da * (cols.get(b)[i] - mean[treated[i]][b]);
                }
            }
        }
        int m = size[0] + size[1];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                s[a][b] /= (m - groups);
                s[b][a] = s[a][b];
            }
        }
        return s;
    }
}
