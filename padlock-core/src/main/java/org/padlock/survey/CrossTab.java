package org.padlock.survey;

import java.util.List;

/**
 * Counts of one item's answers by group: one row per group level, one column per scale point and
 * don't-know code (in scale order, then don't know). Row percentages are of the row's answers.
 * Cells are not suppressed here: the report model and the JSON writer apply the small-cell rule.
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

    /** 100 x count / row total ({@code NaN} for an empty row). */
    public double rowPct(int row, int col) {
        long t = rowTotal(row);
        return t == 0 ? Double.NaN : 100.0 * counts[row][col] / t;
    }
}
