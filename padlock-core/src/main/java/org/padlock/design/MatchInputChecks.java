package org.padlock.design;

import java.util.List;
import org.padlock.EstimationException;
import org.padlock.data.Column;
import org.padlock.data.Frame;

/** Checks of the design input that make matching impossible, each with a message saying what to try. */
final class MatchInputChecks {
    private MatchInputChecks() {
    }

    /**
     * The units complete on every design column, in data order, after checking that no column is
     * missing for every treated unit or every control (which leaves no complete case in that group).
     */
    static int[] completeRows(Frame f, List<String> columns, int[] treat) {
        int[] size = new int[2];
        for (int t : treat) {
            size[t]++;
        }
        boolean[] missing = new boolean[treat.length];
        boolean[] any = new boolean[treat.length];
        for (String c : columns) {
            Column col = f.column(c);
            java.util.Arrays.fill(missing, false);
            col.markMissing(missing);
            int[] present = new int[2];
            for (int i = 0; i < treat.length; i++) {
                present[treat[i]] += missing[i] ? 0 : 1;
                any[i] |= missing[i];
            }
            for (int g = 1; g >= 0; g--) {
                if (size[g] > 0 && present[g] == 0) {
                    String group = g == 1 ? "treated unit" : "control";
                    throw new EstimationException(f.source() + ", column '" + c + "': missing for every " + group + " ("
                            + size[g] + " units), so no " + group + " can be matched; drop '" + c
                            + "' from the matching covariates or supply its values", List.of());
                }
            }
        }
        return java.util.stream.IntStream.range(0, treat.length).filter(i -> !any[i]).toArray();
    }
}
