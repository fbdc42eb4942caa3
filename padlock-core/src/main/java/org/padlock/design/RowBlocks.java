package org.padlock.design;

import java.util.stream.IntStream;

/**
 * Per-row loops of the binary-response fits over fixed blocks of rows on all cores. The blocks do not
 * depend on the number of threads, and block sums are added in block order, so that every result is
 * the same, to the last bit, however many threads run and in whatever order they finish.
 */
final class RowBlocks {
    /** Rows per block: fixed, so that the blocks, and the order of every addition, depend only on the row count. */
    static final int BLOCK = 1 << 13;

    private RowBlocks() {
    }

    /** Work on the rows {@code lo..hi-1} of one block. */
    @FunctionalInterface
    interface Block {
        void run(int lo, int hi);
    }

    /** A sum over the rows {@code lo..hi-1} of one block, added up in row order. */
    @FunctionalInterface
    interface BlockSum {
        double sum(int lo, int hi);
    }

    /** Runs {@code f} on every block of the rows {@code 0..n-1}. */
    static void forEach(int n, Block f) {
        IntStream.range(0, blocks(n)).parallel().forEach(c -> f.run(c * BLOCK, Math.min(n, (c + 1) * BLOCK)));
    }

    /** The total of {@code f} over the blocks of the rows {@code 0..n-1}, the block sums added in block order. */
    static double sum(int n, BlockSum f) {
        double[] part = new double[blocks(n)];
        IntStream.range(0, part.length).parallel().forEach(c -> part[c] = f.sum(c * BLOCK, Math.min(n, (c + 1) * BLOCK)));
        double s = 0;
        for (double v : part) {
            s += v;
        }
        return s;
    }

    /** Sums over the rows {@code lo..hi-1} of one block, written into {@code out} (zeros on entry), each added up in row order. */
    @FunctionalInterface
    interface BlockSums {
        void sum(int lo, int hi, double[] out);
    }

    /** The totals of {@code f}'s {@code p} sums over the blocks of the rows {@code 0..n-1}, the block sums added in block order. */
    static double[] sums(int n, int p, BlockSums f) {
        double[][] part = new double[blocks(n)][p];
        IntStream.range(0, part.length).parallel().forEach(c -> f.sum(c * BLOCK, Math.min(n, (c + 1) * BLOCK), part[c]));
        double[] s = new double[p];
        for (double[] b : part) {
            for (int a = 0; a < p; a++) {
                s[a] += b[a];
            }
        }
        return s;
    }

    private static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }
}
