package org.padlock.inference;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * For every draw {@code d} of wild-bootstrap cluster weights {@code v_dc}, the sums over clusters
 * {@code sum_c v_dc lin_c} and {@code sum_c v_dc^2 quad_c} of per-cluster vectors.
 *
 * <p>The weights take few values ({@code support}), so clusters are taken in blocks of {@code b} (the
 * largest {@code b} with {@code |support|^b <= 64}: 6 for Rademacher, 2 for Webb) and, for each block, the
 * sums of all {@code |support|^b} weight patterns are tabulated once; a draw then adds one table row per
 * block instead of {@code b} weighted rows (the "method of four Russians"). The cost per draw is
 * {@code O(G / b * width)} instead of {@code O(G * width)}.
 *
 * <p>Weights are generated exactly as a plain loop would: draw by draw, cluster by cluster, each
 * {@code support[rnd.nextInt(|support|)]} from one {@link SplittableRandom} seeded with {@code seed}; or,
 * when {@code enumerate}, draw {@code d} is the vector whose cluster {@code c} has the {@code c}-th digit
 * of {@code d} in base {@code |support|}. Draws are summed in fixed chunks on all cores; each draw's sum
 * is formed in the same order whatever the chunking or threading, so results are reproducible to the bit.
 */
final class DrawSums {
    private static final int TABLE = 64;
    private static final int CHUNK = 512;
    private static final int GROUP = 8;

    private final int width;
    private final int linear;
    private final double[] sums;
    private final byte[] codes;
    private final double[] support;
    private final int clusters;
    private final int block;

    private DrawSums(int width, int linear, double[] sums, byte[] codes, double[] support, int clusters, int block) {
        this.width = width;
        this.linear = linear;
        this.sums = sums;
        this.codes = codes;
        this.support = support;
        this.clusters = clusters;
        this.block = block;
    }

    /**
     * @param lin       per cluster, the vector weighted by {@code v}
     * @param quad      per cluster, the vector weighted by {@code v^2}
     * @param support   the equally likely weight values
     * @param enumerate every weight vector in order (draw {@code d} = digits of {@code d}) instead of random draws
     * @param draws     number of draws
     * @param seed      seed of the random draws
     */
    static DrawSums of(double[][] lin, double[][] quad, double[] support, boolean enumerate, int draws, long seed) {
        int g = lin.length;
        int nl = g == 0 ? 0 : lin[0].length;
        int nq = g == 0 ? 0 : quad[0].length;
        int width = nl + nq;
        int levels = support.length;
        int b = 1;
        while (Math.pow(levels, b + 1) <= TABLE && b < g) {
            b++;
        }
        int blocks = (g + b - 1) / b;
        if ((long) draws * blocks > Integer.MAX_VALUE - 8 || (long) draws * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many bootstrap replications (" + draws + ") for " + g + " clusters and "
                    + nl / 4 + " terms: at most " + Math.min((Integer.MAX_VALUE - 8) / Math.max(1, blocks),
                    (Integer.MAX_VALUE - 8) / Math.max(1, width)) + " here");
        }
        int[] place = new int[b];
        place[0] = 1;
        for (int t = 1; t < b; t++) {
            place[t] = place[t - 1] * levels;
        }
        byte[] codes = new byte[draws * blocks];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int d = 0; d < draws; d++) {
            int blk = d * blocks;
            int pos = 0;
            long code = d;
            for (int c = 0; c < g; c++) {
                int digit;
                if (enumerate) {
                    digit = (int) (code % levels);
                    code /= levels;
                } else {
                    digit = rnd.nextInt(levels);
                }
                codes[blk] += (byte) (digit * place[pos]);
                if (++pos == b) {
                    pos = 0;
                    blk++;
                }
            }
        }
        double[] sq = new double[levels];
        for (int l = 0; l < levels; l++) {
            sq[l] = support[l] * support[l];
        }
        double[] sums = new double[draws * width];
        int chunks = (draws + CHUNK - 1) / CHUNK;
        final int bb = b;
        int rows = (int) Math.pow(levels, b);
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            double[][] tables = new double[GROUP][rows * width];
            int from = ch * CHUNK;
            int to = Math.min(draws, from + CHUNK);
            for (int blk0 = 0; blk0 < blocks; blk0 += GROUP) {
                int nb = Math.min(GROUP, blocks - blk0);
                for (int t = 0; t < nb; t++) {
                    tabulate(tables[t], lin, quad, support, sq, (blk0 + t) * bb, Math.min(g, (blk0 + t + 1) * bb), nl, nq);
                }
                for (int d = from; d < to; d++) {
                    int out = d * width;
                    int base = d * blocks + blk0;
                    int t = 0;
                    // four table rows at a time: one load and store of the draw's sums per four rows
                    for (; t + 3 < nb; t += 4) {
                        double[] t0 = tables[t];
                        double[] t1 = tables[t + 1];
                        double[] t2 = tables[t + 2];
                        double[] t3 = tables[t + 3];
                        int r0 = (codes[base + t] & 0xff) * width;
                        int r1 = (codes[base + t + 1] & 0xff) * width;
                        int r2 = (codes[base + t + 2] & 0xff) * width;
                        int r3 = (codes[base + t + 3] & 0xff) * width;
                        for (int a = 0; a < width; a++) {
                            sums[out + a] += (t0[r0 + a] + t1[r1 + a]) + (t2[r2 + a] + t3[r3 + a]);
                        }
                    }
                    for (; t < nb; t++) {
                        double[] table = tables[t];
                        int row = (codes[base + t] & 0xff) * width;
                        for (int a = 0; a < width; a++) {
                            sums[out + a] += table[row + a];
                        }
                    }
                }
            }
        });
        return new DrawSums(width, nl, sums, codes, support.clone(), g, b);
    }

    /** Row {@code p} of {@code table}: the sums of clusters {@code first..last-1} weighted by the pattern with digits of {@code p}. */
    private static void tabulate(double[] table, double[][] lin, double[][] quad, double[] support, double[] sq, int first,
                                 int last, int nl, int nq) {
        int width = nl + nq;
        int levels = support.length;
        int size = 1;
        java.util.Arrays.fill(table, 0, width, 0.0);
        for (int c = first; c < last; c++) {
            double[] lc = lin[c];
            double[] qc = quad[c];
            for (int idx = 0; idx < size; idx++) {
                int src = idx * width;
                // digit 0 last: its target row is the source row itself
                for (int l = levels - 1; l >= 0; l--) {
                    int dst = (idx + l * size) * width;
                    double v = support[l];
                    double v2 = sq[l];
                    for (int a = 0; a < nl; a++) {
                        table[dst + a] = table[src + a] + v * lc[a];
                    }
                    for (int a = 0; a < nq; a++) {
                        table[dst + nl + a] = table[src + nl + a] + v2 * qc[a];
                    }
                }
            }
            size *= levels;
        }
    }

    /** The weights {@code v_dc} of draw {@code d}, cluster by cluster. */
    double[] weights(int d) {
        int blocks = (clusters + block - 1) / block;
        double[] v = new double[clusters];
        for (int blk = 0; blk < blocks; blk++) {
            int code = codes[d * blocks + blk] & 0xff;
            for (int c = blk * block; c < Math.min(clusters, (blk + 1) * block); c++) {
                v[c] = support[code % support.length];
                code /= support.length;
            }
        }
        return v;
    }

    /** {@code sum_c v_dc lin_c} (a copy). */
    double[] linear(int d) {
        return java.util.Arrays.copyOfRange(sums, d * width, d * width + linear);
    }

    /** {@code sum_c v_dc^2 quad_c} (a copy). */
    double[] quadratic(int d) {
        return java.util.Arrays.copyOfRange(sums, d * width + linear, (d + 1) * width);
    }
}
