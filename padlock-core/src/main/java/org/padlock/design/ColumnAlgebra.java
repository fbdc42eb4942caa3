package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.padlock.data.Collinearity;
import org.padlock.estimation.ols.GramAccumulator;

/**
 * Shared linear algebra of the binary-response fits ({@link BinaryRegression}, {@link BalanceSummaries})
 * on column-stored design matrices ({@code x[term][row]}): the linearly independent terms, the
 * weighted cross-products of one Newton/IRLS step and the linear predictor, over blocks of rows
 * on all cores with results independent of the number of threads.
 */
final class ColumnAlgebra {
    private ColumnAlgebra() {
    }

    /** Indices of a maximal linearly independent set of the columns of {@code x} ({@link Collinearity}). */
    static int[] independentTerms(double[][] x) {
        int n = x.length == 0 ? 0 : x[0].length;
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        return Collinearity.independentTerms(GramAccumulator.of(x, one, one).xtwx());
    }

    /**
     * {@link #independentTerms(double[][])}; when terms are dropped, adds {@code message} followed by
     * their names to {@code diagnostics}.
     */
    static int[] independentTerms(double[][] x, List<String> names, String message, List<String> diagnostics) {
        return reported(independentTerms(x), names, message, diagnostics);
    }

    /**
     * The terms whose coefficient in {@code coefficients} is not NaN: the choice of a fit over the same
     * columns and rows, whose dropped terms are NaN. When terms are dropped, adds {@code message}
     * followed by their names to {@code diagnostics}.
     */
    static int[] definedTerms(double[] coefficients, List<String> names, String message, List<String> diagnostics) {
        int[] kept = java.util.stream.IntStream.range(0, coefficients.length).filter(a -> !Double.isNaN(coefficients[a])).toArray();
        return reported(kept, names, message, diagnostics);
    }

    /** {@code kept}, after adding {@code message} and the names of the other terms to {@code diagnostics} when there are any. */
    static int[] reported(int[] kept, List<String> names, String message, List<String> diagnostics) {
        if (kept.length < names.size()) {
            diagnostics.add(message + String.join(", ", dropped(names, kept)));
        }
        return kept;
    }

    /** Names of the terms not in {@code kept} (in term order). */
    private static List<String> dropped(List<String> names, int[] kept) {
        boolean[] in = new boolean[names.size()];
        for (int k : kept) {
            in[k] = true;
        }
        List<String> out = new ArrayList<>();
        for (int j = 0; j < in.length; j++) {
            if (!in[j]) {
                out.add(names.get(j));
            }
        }
        return out;
    }

    /** The kept columns of {@code full}, in the order of {@code kept} (arrays shared, not copied). */
    static double[][] select(double[][] full, int[] kept) {
        double[][] xs = new double[kept.length][];
        for (int a = 0; a < kept.length; a++) {
            xs[a] = full[kept[a]];
        }
        return xs;
    }

    /**
     * {@code info = sum_i h_i x_i x_i'} (full symmetric matrix, overwritten) and
     * {@code rhs = sum_i h_i y_i x_i}, by the least-squares accumulator ({@link GramAccumulator#of}: tiled
     * kernel, fixed row chunks on all cores, the result independent of the number of threads).
     */
    static void crossProducts(double[][] xs, double[] h, double[] y, DMatrixRMaj info, DMatrixRMaj rhs) {
        GramAccumulator g = GramAccumulator.of(xs, y, h);
        int[] all = java.util.stream.IntStream.range(0, xs.length).toArray();
        copy(g.xtwx(), g.xtwy(), all, info, rhs);
    }

    /** The rows and columns {@code kept} of {@code m} into {@code info}, the entries {@code kept} of {@code r} into {@code rhs}. */
    static void copy(double[][] m, double[] r, int[] kept, DMatrixRMaj info, DMatrixRMaj rhs) {
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) {
                info.set(a, b, m[kept[a]][kept[b]]);
            }
            rhs.set(a, 0, r[kept[a]]);
        }
    }

    /**
     * The score of a Fisher-scoring step, {@code X'W(z - eta)}, summed over the blocks of {@link RowBlocks}
     * and the block sums added in block order (the result independent of the number of threads).
     */
    static double[] score(double[][] xs, double[] w, double[] z, double[] eta) {
        return RowBlocks.sums(eta.length, xs.length, (lo, hi, out) -> {
            double[] r = new double[hi - lo];
            for (int i = lo; i < hi; i++) {
                r[i - lo] = w[i] * (z[i] - eta[i]);
            }
            for (int a = 0; a < xs.length; a++) {
                double[] xa = xs[a];
                double s = 0;
                for (int i = lo; i < hi; i++) {
                    s += xa[i] * r[i - lo];
                }
                out[a] = s;
            }
        });
    }

    /**
     * {@code eta = X beta}, block by block on all cores ({@link RowBlocks}); each row's terms are added
     * in term order, four terms per sweep over the block.
     */
    static void linearPredictor(double[][] xs, double[] beta, double[] eta) {
        RowBlocks.forEach(eta.length, (lo, hi) -> linearPredictor(xs, beta, eta, lo, hi));
    }

    /** {@code eta = X beta} on the rows {@code lo..hi-1}, each row's terms added in term order. */
    static void linearPredictor(double[][] xs, double[] beta, double[] eta, int lo, int hi) {
        int p = xs.length;
        java.util.Arrays.fill(eta, lo, hi, 0.0);
        int a = 0;
        for (; a + 4 <= p; a += 4) {
            double[] x0 = xs[a];
            double[] x1 = xs[a + 1];
            double[] x2 = xs[a + 2];
            double[] x3 = xs[a + 3];
            double b0 = beta[a];
            double b1 = beta[a + 1];
            double b2 = beta[a + 2];
            double b3 = beta[a + 3];
            for (int i = lo; i < hi; i++) {
                double e = eta[i];
                e += x0[i] * b0;
                e += x1[i] * b1;
                e += x2[i] * b2;
                e += x3[i] * b3;
                eta[i] = e;
            }
        }
        for (; a < p; a++) {
            double[] xa = xs[a];
            double b = beta[a];
            for (int i = lo; i < hi; i++) {
                eta[i] += xa[i] * b;
            }
        }
    }
}
