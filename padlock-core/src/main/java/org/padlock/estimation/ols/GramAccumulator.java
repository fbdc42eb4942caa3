package org.padlock.estimation.ols;

/**
 * The sufficient statistics of weighted least squares, {@code X'WX}, {@code X'Wy}, {@code y'Wy}
 * and the count, accumulated row by row. Two accumulators over disjoint parts of the data merge
 * into the accumulator of their union, so that a partitioned engine can reuse this code.
 */
public final class GramAccumulator {
    private final int p;
    private final double[][] xtwx;
    private final double[] xtwy;
    private double ytwy;
    private long n;

    public GramAccumulator(int p) {
        this.p = p;
        this.xtwx = new double[p][p];
        this.xtwy = new double[p];
    }

    /** Adds rows {@code from..to-1} of column-stored {@code x}. */
    public void add(double[][] x, double[] y, double[] w, int from, int to) {
        for (int i = from; i < to; i++) {
            addRow(x, y, w, i);
        }
        n += to - from;
    }

    /** Adds the listed rows of column-stored {@code x} (e.g. the rows of one cluster). */
    public void add(double[][] x, double[] y, double[] w, int[] rows) {
        for (int i : rows) {
            addRow(x, y, w, i);
        }
        n += rows.length;
    }

    private void addRow(double[][] x, double[] y, double[] w, int i) {
        double wi = w[i];
        double wy = wi * y[i];
        ytwy += wy * y[i];
        for (int a = 0; a < p; a++) {
            double xa = x[a][i] * wi;
            if (xa == 0.0) {
                continue;
            }
            xtwy[a] += x[a][i] * wy;
            double[] row = xtwx[a];
            for (int b = a; b < p; b++) {
                row[b] += xa * x[b][i];
            }
        }
    }

    /** Adds the statistics of another accumulator over the same terms. */
    public void merge(GramAccumulator o) {
        if (o.p != p) {
            throw new IllegalArgumentException("cannot merge accumulators of " + o.p + " and " + p + " terms");
        }
        for (int a = 0; a < p; a++) {
            xtwy[a] += o.xtwy[a];
            for (int b = a; b < p; b++) {
                xtwx[a][b] += o.xtwx[a][b];
            }
        }
        ytwy += o.ytwy;
        n += o.n;
    }

    /** The full symmetric {@code X'WX}. */
    public double[][] xtwx() {
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                g[a][b] = xtwx[a][b];
                g[b][a] = xtwx[a][b];
            }
        }
        return g;
    }

    public double[] xtwy() {
        return xtwy.clone();
    }

    public double ytwy() {
        return ytwy;
    }

    public long n() {
        return n;
    }
}
