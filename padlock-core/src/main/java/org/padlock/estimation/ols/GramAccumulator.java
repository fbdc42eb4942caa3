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
        GramKernel k = GramKernel.local(p + 1);
        k.addRange(withOutcome(x, y), w, from, to);
        collect(k);
        n += to - from;
    }

    /** Adds the listed rows of column-stored {@code x} (e.g. the rows of one cluster). */
    public void add(double[][] x, double[] y, double[] w, int[] rows) {
        GramKernel k = GramKernel.local(p + 1);
        k.addRows(withOutcome(x, y), w, rows, 0, rows.length);
        collect(k);
        n += rows.length;
    }

    /**
     * The statistics of rows {@code 0..y.length-1}, accumulated over fixed chunks of {@link #CHUNK} rows on
     * all available cores and merged in chunk order: the result is the same, to the last bit, whatever the
     * number of threads or their timing.
     */
    public static GramAccumulator of(double[][] x, double[] y, double[] w) {
        int n = y.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        GramAccumulator[] parts = new GramAccumulator[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            GramAccumulator a = new GramAccumulator(x.length);
            a.add(x, y, w, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
            parts[c] = a;
        });
        GramAccumulator total = new GramAccumulator(x.length);
        for (GramAccumulator a : parts) {
            total.merge(a);
        }
        return total;
    }

    /**
     * {@code Z'Z} (full, symmetric) of the first {@code rows} rows of the column-stored {@code z}, by the same
     * tiled kernel; e.g. to add up many outer products {@code sum_r z_r z_r'} at once.
     */
    public static double[][] crossProduct(double[][] z, int rows) {
        int q = z.length;
        GramKernel k = GramKernel.local(q);
        double[] ones = new double[rows];
        java.util.Arrays.fill(ones, 1.0);
        k.addRange(z, ones, 0, rows);
        double[][] out = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                out[a][b] = k.get(a, b);
                out[b][a] = out[a][b];
            }
        }
        return out;
    }

    /** Rows per chunk of {@link #of(double[][], double[], double[])}; fixed, so results do not depend on the thread count. */
    public static final int CHUNK = 1 << 15;

    private static double[][] withOutcome(double[][] x, double[] y) {
        double[][] z = java.util.Arrays.copyOf(x, x.length + 1);
        z[x.length] = y;
        return z;
    }

    private void collect(GramKernel k) {
        for (int a = 0; a < p; a++) {
            double[] row = xtwx[a];
            for (int b = a; b < p; b++) {
                row[b] += k.get(a, b);
            }
            xtwy[a] += k.get(a, p);
        }
        ytwy += k.get(p, p);
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
