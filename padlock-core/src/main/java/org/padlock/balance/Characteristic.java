package org.padlock.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.Column;
import org.padlock.data.Frame;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.TextColumn;

/**
 * One characteristic compared in a balance or baseline table: a numeric column, or one level of a
 * categorical column as a 0/1 indicator named {@code <column>_<level>} (every level, as the CLI's
 * balance tables). Missing values are {@code NaN}.
 *
 * @param key   column or {@code <column>_<level>}
 * @param label row label
 * @param x     value per frame row
 */
public record Characteristic(String key, String label, double[] x) {
    public Characteristic {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * The characteristics of the named columns of a frame. A column is categorical when it is in
     * {@code factors} or not numeric; its levels are sorted as in model matrices.
     *
     * @param labels row labels by column or {@code <column>_<level>}; a level without one is
     *               labelled {@code <column label>: <level>}
     */
    public static List<Characteristic> of(Frame f, List<String> names, Set<String> factors, Map<String, String> labels) {
        List<Characteristic> out = new ArrayList<>();
        int[] all = ModelMatrixBuilder.allRows(f);
        for (String c : names) {
            Column col = f.column(c);
            if (factors.contains(c) || col instanceof TextColumn) {
                TextColumn tc = f.text(c);
                for (String level : ModelMatrixBuilder.levels(tc, all)) {
                    double[] x = new double[f.rowCount()];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = tc.get(i) == null ? Double.NaN : level.equals(tc.get(i)) ? 1 : 0;
                    }
                    String key = c + "_" + level;
                    out.add(new Characteristic(key, labels.getOrDefault(key, labels.getOrDefault(c, c) + ": " + level), x));
                }
            } else {
                out.add(new Characteristic(c, labels.getOrDefault(c, c), f.numeric(c).values()));
            }
        }
        return out;
    }
}
