package org.padlock.estimation.ols;

import java.util.List;

/**
 * The result of a weighted least-squares fit: coefficients of the terms kept, the bread
 * {@code (X'WX)^-1}, and what was dropped. Standard errors are a later, separate step
 * ({@link org.padlock.inference.Covariance}); the fit is never recomputed for them.
 *
 * <p>The design matrix, outcome and weights are kept by reference (not copied) so that covariance
 * estimators can make their second pass over large data without duplicating it; they are never
 * exposed.
 */
public final class WlsFit {
    private final List<String> names;
    private final List<String> dropped;
    private final double[] beta;
    private final double[][] bread;
    private final double[][] x;
    private final double[] y;
    private final double[] w;
    private final double[] residuals;
    private final double weightedSsr;
    private final int[] used;

    WlsFit(List<String> names, List<String> dropped, double[] beta, double[][] bread, double[][] x, double[] y,
           double[] w, double[] residuals, double weightedSsr, int[] used) {
        this.used = used;
        this.names = List.copyOf(names);
        this.dropped = List.copyOf(dropped);
        this.beta = beta;
        this.bread = bread;
        this.x = x;
        this.y = y;
        this.w = w;
        this.residuals = residuals;
        this.weightedSsr = weightedSsr;
    }

    /** Names of the estimated terms (collinear terms removed). */
    public List<String> names() {
        return names;
    }

    /** Terms dropped because they were collinear with earlier terms (R reports these as NA). */
    public List<String> dropped() {
        return dropped;
    }

    public double[] coefficients() {
        return beta.clone();
    }

    public double coefficient(String term) {
        return beta[index(term)];
    }

    public int index(String term) {
        int j = names.indexOf(term);
        if (j < 0) {
            throw new IllegalArgumentException("term " + term + " is not in the model (dropped: " + dropped + ")");
        }
        return j;
    }

    /** For each observation used, its row in the design matrix given to the fit (rows with weight 0 are left out). */
    public int[] usedRows() {
        return used.clone();
    }

    /** Observations used (rows with positive weight). */
    public int n() {
        return y.length;
    }

    /** Number of estimated coefficients (the rank of the design). */
    public int rank() {
        return beta.length;
    }

    /** Sum of w e^2. */
    public double weightedSsr() {
        return weightedSsr;
    }

    /** {@code (X'WX)^-1}, a copy. */
    public double[][] bread() {
        double[][] b = new double[bread.length][];
        for (int i = 0; i < b.length; i++) {
            b[i] = bread[i].clone();
        }
        return b;
    }

    double[][] x() {
        return x;
    }

    double[] w() {
        return w;
    }

    double[] residualsRef() {
        return residuals;
    }

    /** Score contributions {@code x_i w_i e_i} summed within each cluster; {@code cluster[i]} in 0..G-1. */
    public double[][] clusterScores(int[] cluster, int clusters) {
        int p = beta.length;
        int n = y.length;
        double[] we = new double[n];
        for (int i = 0; i < n; i++) {
            we[i] = w[i] * residuals[i];
        }
        // term by term (one pass over each column, terms on all cores); each sum is in row order, as a row loop would add
        double[][] byTerm = new double[p][clusters];
        java.util.stream.IntStream.range(0, p).parallel().forEach(j -> {
            double[] col = x[j];
            double[] sj = byTerm[j];
            for (int i = 0; i < n; i++) {
                sj[cluster[i]] += col[i] * we[i];
            }
        });
        double[][] s = new double[clusters][p];
        for (int j = 0; j < p; j++) {
            for (int g = 0; g < clusters; g++) {
                s[g][j] = byTerm[j][g];
            }
        }
        return s;
    }

    /**
     * The sufficient statistics {@code X_r'W_r X_r}, {@code X_r'W_r y_r}, {@code y_r'W_r y_r} of the
     * listed observations (indices as in {@link #row(int)}, kept terms only), e.g. of one cluster; the
     * statistics of disjoint row sets sum to those of their union.
     */
    public GramAccumulator gram(int[] rows) {
        GramAccumulator acc = new GramAccumulator(beta.length);
        acc.add(x, y, w, rows);
        return acc;
    }

    /**
     * {@code X'VX} (kept terms) over all observations for per-observation factors {@code v} (e.g. {@code w^2}
     * for the {@code sum_h X_h'W_h W_h X_h} of CR2), accumulated as {@link GramAccumulator#of} does.
     */
    public double[][] crossProducts(double[] v) {
        if (v.length != y.length) {
            throw new IllegalArgumentException("need one factor per observation: " + v.length + " vs " + y.length);
        }
        return GramAccumulator.of(x, residuals, v).xtwx();
    }

    /**
     * For the listed observations (e.g. one cluster), the unweighted cross-products of {@code L} and the
     * residuals {@code e}: {@code L'L}, {@code L'e}, {@code e'e}, where {@code L = X} or, with
     * {@code withWeighted}, {@code L = [X, WX]} ({@code 2k} columns).
     */
    public GramAccumulator residualCrossProducts(int[] rows, boolean withWeighted) {
        int k = beta.length;
        int width = withWeighted ? 2 * k : k;
        int m = rows.length;
        double[][] l = new double[width][m];
        double[] e = new double[m];
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        for (int j = 0; j < k; j++) {
            double[] col = x[j];
            double[] lj = l[j];
            for (int r = 0; r < m; r++) {
                lj[r] = col[rows[r]];
            }
            if (withWeighted) {
                double[] wj = l[k + j];
                for (int r = 0; r < m; r++) {
                    wj[r] = lj[r] * w[rows[r]];
                }
            }
        }
        for (int r = 0; r < m; r++) {
            e[r] = residuals[rows[r]];
        }
        GramAccumulator acc = new GramAccumulator(width);
        acc.add(l, e, ones, 0, m);
        return acc;
    }

    /** Row {@code i} of the design (kept terms). */
    public double[] row(int i) {
        double[] r = new double[beta.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = x[j][i];
        }
        return r;
    }

    /** The outcome of observation {@code i}. */
    public double outcome(int i) {
        return y[i];
    }

    public double weight(int i) {
        return w[i];
    }

    public double residual(int i) {
        return residuals[i];
    }
}
