package org.padlock.survey;

import java.util.List;

/**
 * Counts of one item's answers by group: one row per group level, one column per scale point and
 * don't-know code (in scale order, then don't know). Row percentages are of the row's answers.
 * Cells are not suppressed here: the report model and the JSON writer apply the small-cell rule
 * with {@link #suppressed(int)}.
 */
public record CrossTab(String item, String code, String groupColumn, List<String> rowLabels, List<String> columnLabels,
                       long[][] counts) {
    public CrossTab {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        long[][] c = new long[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        counts = c;
    }

    @Override
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    public long count(int row, int col) {
        return counts[row][col];
    }

    public long rowTotal(int row) {
        long s = 0;
        for (long v : counts[row]) {
            s += v;
        }
        return s;
    }

    /**
     * Which cells to suppress at a threshold: every cell whose count is below it (primary), every
     * cell of a row whose total is below it, and, where a row has exactly one primary cell, also its
     * smallest other cell (secondary suppression: otherwise the shown row total minus the shown cells
     * would give the suppressed one back). Ties go to the first column.
     */
    public boolean[][] suppressed(int threshold) {
        boolean[][] out = new boolean[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            long[] row = counts[i];
            out[i] = new boolean[row.length];
            boolean smallRow = rowTotal(i) < threshold;
            int primary = 0;
            for (int j = 0; j < row.length; j++) {
                out[i][j] = smallRow || row[j] < threshold;
                primary += out[i][j] ? 1 : 0;
            }
            if (primary == 1 && row.length > 1) {
                int best = -1;
                for (int j = 0; j < row.length; j++) {
                    if (!out[i][j] && (best < 0 || row[j] < row[best])) {
                        best = j;
                    }
                }
                out[i][best] = true;
            }
        }
        return out;
    }

    /** 100 x count / row total ({@code NaN} for an empty row). */
    public double rowPct(int row, int col) {
        long t = rowTotal(row);
        return t == 0 ? Double.NaN : 100.0 * counts[row][col] / t;
    }
}
