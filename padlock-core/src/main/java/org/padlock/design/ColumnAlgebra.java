package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.padlock.data.Collinearity;

/**
 * Shared linear algebra of the binary-response fits ({@link BinaryRegression}, {@link BalanceSummaries})
 * on column-stored design matrices ({@code x[term][row]}): the linearly independent terms, the
 * weighted cross-products of one Newton/IRLS step and the linear predictor. Each sum runs over the
 * rows in order, one column pair at a time, so that the loops stream through memory without
 * allocating.
 */
final class ColumnAlgebra {
    private ColumnAlgebra() {
    }

    /** Indices of a maximal linearly independent set of the columns of {@code x} ({@link Collinearity}). */
    static int[] independentTerms(double[][] x) {
        int p = x.length;
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double s = dot(x[a], x[b]);
                g[a][b] = s;
                g[b][a] = s;
            }
        }
        return Collinearity.independentTerms(g);
    }

    /**
     * {@link #independentTerms(double[][])}; when terms are dropped, adds {@code message} followed by
     * their names to {@code diagnostics}.
     */
    static int[] independentTerms(double[][] x, List<String> names, String message, List<String> diagnostics) {
        int[] kept = independentTerms(x);
        if (kept.length < x.length) {
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
     * {@code rhs = sum_i g_i x_i}; {@code scratch} has one slot per row.
     */
    static void crossProducts(double[][] xs, double[] h, double[] g, double[] scratch, DMatrixRMaj info,
                              DMatrixRMaj rhs) {
        int p = xs.length;
        int n = h.length;
        for (int a = 0; a < p; a++) {
            double[] xa = xs[a];
            rhs.set(a, 0, dot(xa, g));
            for (int i = 0; i < n; i++) {
                scratch[i] = xa[i] * h[i];
            }
            for (int b = a; b < p; b++) {
                double s = dot(scratch, xs[b]);
                info.set(a, b, s);
                info.set(b, a, s);
            }
        }
    }

    /** {@code eta = X beta}. */
    static void linearPredictor(double[][] xs, double[] beta, double[] eta) {
        java.util.Arrays.fill(eta, 0.0);
        for (int a = 0; a < xs.length; a++) {
            double[] xa = xs[a];
            double b = beta[a];
            for (int i = 0; i < eta.length; i++) {
                eta[i] += xa[i] * b;
            }
        }
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
