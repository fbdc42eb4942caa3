package org.padlock.design;

/**
 * Starting values for a binary-response fit on a large sample: the weighted fit to a stratified
 * subsample. Each outcome class ({@code y = 0}, {@code y = 1}) of {@code n_c} rows keeps at most
 * {@link #PER_CLASS} of them, evenly spaced in data order, and each kept row is weighted by
 * {@code n_c / s_c}, the inverse of its class's sampling fraction, so that every class weighs as much
 * as in the full sample. Maximising this weighted likelihood estimates the same coefficients as the
 * full sample (Manski and Lerman 1977, the weighted exogenous sampling estimator; for the logit also
 * Prentice and Pyke 1979) with an error of order {@code 1/sqrt(s_c)}; from there Fisher scoring over
 * all rows converges quadratically to the full-sample maximum in two or three passes. The start only
 * saves passes: the full-sample fit and its stopping rule are unchanged.
 */
final class WarmStart {
    /** Rows kept per outcome class. */
    static final int PER_CLASS = 1 << 16;

    private WarmStart() {
    }

    /**
     * The subsample fit's coefficients over the columns of {@code x}, keeping at most {@code perClass}
     * rows per class ({@link #PER_CLASS} in use); {@code null} when the sample is too small for a
     * subsample to save work (fewer than four rows per subsample row), or when the subsample fit did not
     * converge or dropped a term.
     */
    static double[] coefficients(double[][] x, double[] y, Link link, int perClass) {
        int n = y.length;
        int n1 = 0;
        for (double v : y) {
            n1 += v > 0.5 ? 1 : 0;
        }
        int[] count = {n - n1, n1};
        int[] keep = {Math.min(count[0], perClass), Math.min(count[1], perClass)};
        int m = keep[0] + keep[1];
        if (keep[0] == 0 || keep[1] == 0 || (long) 4 * m > n) {
            return null;
        }
        // row i of class c is kept when the count of kept rows, seen * keep / count, steps up at it
        int[] rows = new int[m];
        int[] seen = new int[2];
        int r = 0;
        for (int i = 0; i < n; i++) {
            int c = y[i] > 0.5 ? 1 : 0;
            long before = (long) seen[c] * keep[c] / count[c];
            seen[c]++;
            if ((long) seen[c] * keep[c] / count[c] > before) {
                rows[r++] = i;
            }
        }
        double[][] xs = new double[x.length][m];
        double[] ys = new double[m];
        double[] pw = new double[m];
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            for (int a = 0; a < x.length; a++) {
                xs[a][k] = x[a][i];
            }
            ys[k] = y[i];
            int c = y[i] > 0.5 ? 1 : 0;
            pw[k] = (double) count[c] / keep[c];
        }
        BinaryRegression.Irls f = BinaryRegression.irls(xs, java.util.Collections.nCopies(x.length, ""), ys, pw, link, null);
        if (!f.converged() || f.kept().length < x.length) {
            return null;
        }
        return f.beta();
    }
}
