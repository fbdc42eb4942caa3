package org.padlock.estimation.ols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tiled, chunked accumulation of {@code X'WX}, {@code X'Wy}, {@code y'Wy} against compensated (Neumaier) sums
 * on data spanning several chunks and a ragged last block, with a column count that is not a multiple of the
 * tile width. Tolerance: 1e-12 relative to the sum of absolute terms.
 */
class GramAccumulatorTest {
    private static final int P = 7;
    private static final int N = 2 * GramAccumulator.CHUNK + 301;

    private final double[][] x = new double[P][N];
    private final double[] y = new double[N];
    private final double[] w = new double[N];

    GramAccumulatorTest() {
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < N; i++) {
            x[0][i] = 1;
            for (int j = 1; j < P; j++) {
                x[j][i] = r.nextDouble(-3, 3) + (j == 3 ? 100 : 0);
            }
            y[i] = r.nextDouble(-1, 5);
            w[i] = r.nextDouble(0.2, 2);
        }
    }

    private double[] exact(int a, int b, int[] rows) {
        // Neumaier's compensated sum of the (rounded) products
        double s = 0;
        double comp = 0;
        double abs = 0;
        for (int i : rows) {
            double u = a == P ? y[i] : x[a][i];
            double v = b == P ? y[i] : x[b][i];
            double term = w[i] * u * v;
            double t = s + term;
            comp += Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s;
            s = t;
            abs += Math.abs(term);
        }
        return new double[] {s + comp, abs};
    }

    private void check(GramAccumulator acc, int[] rows) {
        double[][] g = acc.xtwx();
        double[] b = acc.xtwy();
        for (int a = 0; a <= P; a++) {
            for (int c = a; c <= P; c++) {
                double[] e = exact(a, c, rows);
                double got = a == P ? acc.ytwy() : c == P ? b[a] : g[a][c];
                assertEquals(e[0], got, 1e-12 * e[1], "entry " + a + "," + c);
                if (c < P) {
                    assertEquals(g[a][c], g[c][a], 0.0);
                }
            }
        }
        assertEquals(rows.length, acc.n());
    }

    @Test
    void chunkedParallelSumsMatchExactSums() {
        int[] all = java.util.stream.IntStream.range(0, N).toArray();
        GramAccumulator acc = GramAccumulator.of(x, y, w);
        check(acc, all);
        // the same bits on a second run (fixed chunks merged in order)
        GramAccumulator again = GramAccumulator.of(x, y, w);
        for (int a = 0; a < P; a++) {
            assertArrayEquals(acc.xtwx()[a], again.xtwx()[a], 0.0);
        }
        assertArrayEquals(acc.xtwy(), again.xtwy(), 0.0);
    }

    @Test
    void listedRowsAndMergedRangesMatchExactSums() {
        int[] odd = java.util.stream.IntStream.range(0, N).filter(i -> i % 2 == 1).toArray();
        GramAccumulator byRows = new GramAccumulator(P);
        byRows.add(x, y, w, odd);
        check(byRows, odd);
        int[] head = java.util.stream.IntStream.range(0, 1000).toArray();
        GramAccumulator first = new GramAccumulator(P);
        first.add(x, y, w, 0, 517);
        GramAccumulator second = new GramAccumulator(P);
        second.add(x, y, w, 517, 1000);
        first.merge(second);
        check(first, head);
    }
}
