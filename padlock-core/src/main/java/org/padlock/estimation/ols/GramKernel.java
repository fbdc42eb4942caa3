package org.padlock.estimation.ols;

/**
 * The cross-product {@code Z'WZ} of a block of rows of column-stored {@code Z} (upper triangle), by
 * register tiles of 4 x 4 entries with independent fused multiply-adds, so that the arithmetic is not
 * bound by the latency of one accumulator; when the number of columns is not a multiple of 4, the
 * remaining columns are done by tiles of 4 x 1 and single dot products, without padding. Each entry
 * {@code (a, b)} adds {@code fma(z_a w, z_b, s)} row by row, the weighted value formed inside the tile
 * (so that the columns are read where they are, without a weighted copy), over blocks of {@link #BLOCK}
 * rows whose partial sums are added to the running total; rows given by index are gathered into scratch
 * arrays first. Every entry is the same chain of operations whichever tile computes it, and the order of
 * every addition depends only on the rows given, never on threads or timing.
 *
 * <p>One instance per thread (it owns its scratch arrays); {@link #local(int)} gives the calling thread's.
 */
final class GramKernel {
    static final int BLOCK = 256;
    private static final ThreadLocal<GramKernel> LOCAL = new ThreadLocal<>();

    private final int q;
    /** Scratch for rows gathered by {@link #addRows}: their columns and weights. */
    private final double[][] zz;
    private final double[] ww;
    /** Running upper-triangular total, {@code q x q}. */
    private final double[][] g;

    private GramKernel(int q) {
        this.q = q;
        this.zz = new double[q][BLOCK];
        this.ww = new double[BLOCK];
        this.g = new double[q][q];
    }

    /** The calling thread's kernel for {@code q} columns, with its total set to zero. */
    static GramKernel local(int q) {
        GramKernel k = LOCAL.get();
        if (k == null || k.q != q) {
            k = new GramKernel(q);
            LOCAL.set(k);
        }
        k.reset();
        return k;
    }

    private void reset() {
        for (double[] row : g) {
            java.util.Arrays.fill(row, 0.0);
        }
    }

    /** Adds rows {@code from..to-1} of the columns {@code z} (length q) with weights {@code w}. */
    void addRange(double[][] z, double[] w, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            tiles(z, w, start, Math.min(BLOCK, to - start));
        }
    }

    /** Adds the rows {@code rows[from..to-1]} of the columns {@code z} with weights {@code w}. */
    void addRows(double[][] z, double[] w, int[] rows, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int len = Math.min(BLOCK, to - start);
            for (int a = 0; a < q; a++) {
                double[] src = z[a];
                double[] dz = zz[a];
                for (int r = 0; r < len; r++) {
                    dz[r] = src[rows[start + r]];
                }
            }
            for (int r = 0; r < len; r++) {
                ww[r] = w[rows[start + r]];
            }
            tiles(zz, ww, 0, len);
        }
    }

    /**
     * The tiles of one block: rows {@code off..off+len-1} of the columns {@code z} with weights {@code w};
     * entry (a, b) adds {@code fma(z_a w, z_b, s)} row by row.
     */
    private void tiles(double[][] z, double[] w, int off, int len) {
        int full = q / 4 * 4;
        for (int a = 0; a < full; a += 4) {
            for (int b = a; b < full; b += 4) {
                tile4x4(z, w, a, b, off, len);
            }
            for (int b = full; b < q; b++) {
                tile4x1(z, w, a, b, off, len);
            }
        }
        // the last, partial block of columns with itself
        for (int a = full; a < q; a++) {
            for (int b = a; b < q; b++) {
                double[] va = z[a];
                double[] vb = z[b];
                double s = 0;
                for (int r = off; r < off + len; r++) {
                    s = Math.fma(va[r] * w[r], vb[r], s);
                }
                g[a][b] += s;
            }
        }
    }

    /** Columns {@code a..a+3} against {@code b..b+3}. */
    private void tile4x4(double[][] z, double[] w, int a, int b, int off, int len) {
        double[] a0 = z[a];
        double[] a1 = z[a + 1];
        double[] a2 = z[a + 2];
        double[] a3 = z[a + 3];
        double[] b0 = z[b];
        double[] b1 = z[b + 1];
        double[] b2 = z[b + 2];
        double[] b3 = z[b + 3];
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int r = off; r < off + len; r++) {
            double x0 = b0[r];
            double x1 = b1[r];
            double x2 = b2[r];
            double x3 = b3[r];
            double wr = w[r];
            double v = a0[r] * wr;
            s00 = Math.fma(v, x0, s00);
            s01 = Math.fma(v, x1, s01);
            s02 = Math.fma(v, x2, s02);
            s03 = Math.fma(v, x3, s03);
            v = a1[r] * wr;
            s10 = Math.fma(v, x0, s10);
            s11 = Math.fma(v, x1, s11);
            s12 = Math.fma(v, x2, s12);
            s13 = Math.fma(v, x3, s13);
            v = a2[r] * wr;
            s20 = Math.fma(v, x0, s20);
            s21 = Math.fma(v, x1, s21);
            s22 = Math.fma(v, x2, s22);
            s23 = Math.fma(v, x3, s23);
            v = a3[r] * wr;
            s30 = Math.fma(v, x0, s30);
            s31 = Math.fma(v, x1, s31);
            s32 = Math.fma(v, x2, s32);
            s33 = Math.fma(v, x3, s33);
        }
        add(g[a], b, s00, s01, s02, s03);
        add(g[a + 1], b, s10, s11, s12, s13);
        add(g[a + 2], b, s20, s21, s22, s23);
        add(g[a + 3], b, s30, s31, s32, s33);
    }

    /** Columns {@code a..a+3} against column {@code b}. */
    private void tile4x1(double[][] z, double[] w, int a, int b, int off, int len) {
        double[] a0 = z[a];
        double[] a1 = z[a + 1];
        double[] a2 = z[a + 2];
        double[] a3 = z[a + 3];
        double[] b0 = z[b];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int r = off; r < off + len; r++) {
            double x = b0[r];
            double wr = w[r];
            s0 = Math.fma(a0[r] * wr, x, s0);
            s1 = Math.fma(a1[r] * wr, x, s1);
            s2 = Math.fma(a2[r] * wr, x, s2);
            s3 = Math.fma(a3[r] * wr, x, s3);
        }
        g[a][b] += s0;
        g[a + 1][b] += s1;
        g[a + 2][b] += s2;
        g[a + 3][b] += s3;
    }

    private static void add(double[] row, int b, double s0, double s1, double s2, double s3) {
        row[b] += s0;
        row[b + 1] += s1;
        row[b + 2] += s2;
        row[b + 3] += s3;
    }

    /** Entry {@code (a, b)}, {@code a <= b < q}, of the total. */
    double get(int a, int b) {
        return g[a][b];
    }
}
