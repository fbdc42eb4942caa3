package org.padlock.design;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.padlock.data.Collinearity;

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
        int p = x.length;
        int n = p == 0 ? 0 : x[0].length;
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        DMatrixRMaj g = new DMatrixRMaj(p, p);
        crossProducts(x, one, one, g, new DMatrixRMaj(p, 1));
        double[][] gram = new double[p][];
        for (int a = 0; a < p; a++) {
            gram[a] = java.util.Arrays.copyOfRange(g.data, a * p, (a + 1) * p);
        }
        return Collinearity.independentTerms(gram);
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
     * Rows per block of the sums below. The blocks are fixed by the row count alone, so each sum is
     * the same whichever thread computes which block; partial sums are added in block order.
     */
    static final int BLOCK = 1 << 13;

    /**
     * {@code info = sum_i h_i x_i x_i'} (full symmetric matrix, overwritten) and
     * {@code rhs = sum_i g_i x_i}. Blocks of {@link #BLOCK} rows are summed on all cores, each block
     * column pair by column pair while its columns are in cache; the result does not depend on the
     * number of threads.
     */
    static void crossProducts(double[][] xs, double[] h, double[] g, DMatrixRMaj info, DMatrixRMaj rhs) {
        int p = xs.length;
        int n = h.length;
        int blocks = Math.max(1, (n + BLOCK - 1) / BLOCK);
        int cells = p * (p + 1) / 2;
        double[][] part = new double[blocks][];
        IntStream.range(0, blocks).parallel().forEach(c -> part[c] = block(xs, h, g, c * BLOCK, Math.min(n, (c + 1) * BLOCK), cells));
        double[] total = new double[cells + p];
        for (double[] b : part) {
            for (int k = 0; k < total.length; k++) {
                total[k] += b[k];
            }
        }
        int k = 0;
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                info.set(a, b, total[k]);
                info.set(b, a, total[k]);
                k++;
            }
            rhs.set(a, 0, total[cells + a]);
        }
    }

    /** The upper-triangle sums of {@code h x x'} (row by row) followed by those of {@code g x}, over rows lo..hi-1. */
    private static double[] block(double[][] xs, double[] h, double[] g, int lo, int hi, int cells) {
        int p = xs.length;
        double[] out = new double[cells + p];
        double[] hx = new double[hi - lo];
        int k = 0;
        for (int a = 0; a < p; a++) {
            double[] xa = xs[a];
            for (int i = lo; i < hi; i++) {
                hx[i - lo] = xa[i] * h[i];
            }
            for (int b = a; b < p; b++) {
                out[k++] = dot(hx, xs[b], lo, hi);
            }
            out[cells + a] = dot(xa, g, lo, lo, hi);
        }
        return out;
    }

    /** {@code sum_k u[k] v[lo + k]} over k < hi - lo. */
    private static double dot(double[] u, double[] v, int lo, int hi) {
        return dot(u, v, 0, lo, hi);
    }

    /**
     * {@code sum_k u[uFrom + k] v[lo + k]} over k < hi - lo, with four running sums (a single sum waits
     * on each addition's latency), added pairwise at the end.
     */
    private static double dot(double[] u, double[] v, int uFrom, int lo, int hi) {
        int len = hi - lo;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += u[uFrom + k] * v[lo + k];
            s1 += u[uFrom + k + 1] * v[lo + k + 1];
            s2 += u[uFrom + k + 2] * v[lo + k + 2];
            s3 += u[uFrom + k + 3] * v[lo + k + 3];
        }
        for (; k < len; k++) {
            s0 += u[uFrom + k] * v[lo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

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
