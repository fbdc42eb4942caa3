package org.padlock.estimation.ols;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.padlock.data.Collinearity;
import org.padlock.data.ModelMatrix;

/**
 * Weighted least squares, {@code beta = (X'WX)^-1 X'Wy} (e.g. Wooldridge, Econometric Analysis of
 * Cross Section and Panel Data, 2nd ed., s. 4.2), computed from the summable statistics of
 * {@link GramAccumulator}.
 *
 * <p>Terms are tested for collinearity in model order, as R's {@code lm} does: a term whose
 * residual sum of squares after projection on the earlier kept terms is below {@link Collinearity#TOLERANCE}
 * of its own is dropped and reported (R shows it as an {@code NA} coefficient). Rows with weight
 * 0 are excluded before fitting, as in R.
 */
public final class WeightedLeastSquares {
    private WeightedLeastSquares() {
    }

    /**
     * @param x the design (with intercept if wanted)
     * @param y outcome, no missing values
     * @param w weights, finite and non-negative; {@code null} for equal weights
     */
    public static WlsFit fit(ModelMatrix x, double[] y, double[] w) {
        int n = x.rowCount();
        if (y.length != n || (w != null && w.length != n)) {
            throw new IllegalArgumentException("x, y and w must have the same number of rows");
        }
        double[] weights = w == null ? ones(n) : w;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            double wi = weights[i];
            if (!(wi >= 0) || Double.isInfinite(wi)) {
                throw new IllegalArgumentException("weights must be finite and >= 0; found " + wi + " at row " + (i + 1));
            }
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException("outcome is missing at row " + (i + 1));
            }
            if (wi > 0) {
                pos++;
            }
        }
        double[][] cols = x.x();
        double[] yy = y;
        double[] ww = weights;
        int[] keep = new int[n];
        for (int i = 0; i < n; i++) {
            keep[i] = i;
        }
        if (pos < n) {
            keep = new int[pos];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (weights[i] > 0) {
                    keep[m++] = i;
                }
            }
            cols = new double[cols.length][];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = pick(x.x()[j], keep);
            }
            yy = pick(y, keep);
            ww = pick(weights, keep);
        }
        GramAccumulator acc = GramAccumulator.of(cols, yy, ww);
        double[][] g = acc.xtwx();
        int[] kept = Collinearity.independentTerms(g);
        List<String> names = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        boolean[] isKept = new boolean[cols.length];
        for (int j : kept) {
            isKept[j] = true;
        }
        for (int j = 0; j < cols.length; j++) {
            (isKept[j] ? names : dropped).add(x.names().get(j));
        }
        int p = kept.length;
        DMatrixRMaj gk = new DMatrixRMaj(p, p);
        DMatrixRMaj b = new DMatrixRMaj(p, 1);
        double[] xtwy = acc.xtwy();
        for (int a = 0; a < p; a++) {
            b.set(a, 0, xtwy[kept[a]]);
            for (int c = 0; c < p; c++) {
                gk.set(a, c, g[kept[a]][kept[c]]);
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        if (p > 0) {
            if (!solver.setA(gk)) {
                throw new IllegalStateException("X'WX is not positive definite after removing collinear terms");
            }
            solver.invert(inv);
        }
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.mult(inv, b, beta);
        double[] bet = new double[p];
        double[][] keptCols = new double[p][];
        double[][] bread = new double[p][p];
        for (int a = 0; a < p; a++) {
            bet[a] = beta.get(a, 0);
            keptCols[a] = cols[kept[a]];
            for (int c = 0; c < p; c++) {
                bread[a][c] = inv.get(a, c);
            }
        }
        double[] e = yy.clone();
        for (int a = 0; a < p; a++) {
            double[] col = keptCols[a];
            double ba = bet[a];
            for (int i = 0; i < e.length; i++) {
                e[i] -= col[i] * ba;
            }
        }
        double ssr = 0;
        for (int i = 0; i < e.length; i++) {
            ssr += ww[i] * e[i] * e[i];
        }
        return new WlsFit(names, dropped, bet, bread, keptCols, yy, ww, e, ssr, keep);
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = v[idx[k]];
        }
        return out;
    }
}
