package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
     * {@code rhs = sum_i h_i y_i x_i}, by the least-squares accumulator ({@link GramAccumulator#of}: tiled
     * kernel, fixed row chunks on all cores, the result independent of the number of threads).
     */
    static void crossProducts(double[][] xs, double[] h, double[] y, DMatrixRMaj info, DMatrixRMaj rhs) {
        GramAccumulator g = GramAccumulator.of(xs, y, h);
        double[][] m = g.xtwx();
        double[] r = g.xtwy();
        for (int a = 0; a < xs.length; a++) {
            for (int b = 0; b < xs.length; b++) {
                info.set(a, b, m[a][b]);
            }
            rhs.set(a, 0, r[a]);
        }
    }

    /** Rows per block of {@link #linearPredictor}: fixed, so that the blocks do not depend on the threads. */
    private static final int BLOCK = 1 << 13;

    /** {@code eta = X beta}, block by block on all cores. */
    static void linearPredictor(double[][] xs, double[] beta, double[] eta) {
        int n = eta.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(c -> {
            int lo = c * BLOCK;
            int hi = Math.min(n, lo + BLOCK);
            java.util.Arrays.fill(eta, lo, hi, 0.0);
            for (int a = 0; a < xs.length; a++) {
                double[] xa = xs[a];
                double b = beta[a];
                for (int i = lo; i < hi; i++) {
                    eta[i] += xa[i] * b;
                }
            }
        });
    }
}
