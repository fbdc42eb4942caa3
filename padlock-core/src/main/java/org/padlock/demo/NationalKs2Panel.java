package org.padlock.demo;

import java.util.ArrayList;
import java.util.List;
import org.padlock.data.Column;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * The real national KS2 panel bundled with the demo (see {@code dfe/README.md}) as a frame: every
 * state-funded primary school of the January 2019 census with complete 2016 and 2017 KS2 results
 * and census composition (the demo panel's rule) and with both 2018 results present. Columns:
 * {@code URN, la, region, fsm_quintile} (text), {@code read_2016, mat_2016, read_2017, mat_2017,
 * read_2018, mat_2018} (school-average scaled scores), {@code ks2_pupils_2017, fsm_ever_pct,
 * eal_pct, sen_pct}. Rows in ascending URN order.
 */
public final class NationalKs2Panel {
    private NationalKs2Panel() {
    }

    /** The panel (read once per class loader from the bundled files). */
    public static Frame frame() {
        DidPanel p = DidPanel.get();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < p.n; i++) {
            if (!Double.isNaN(p.read18[i]) && !Double.isNaN(p.mat18[i])) {
                keep.add(i);
            }
        }
        int n = keep.size();
        String[] urn = new String[n];
        String[] la = new String[n];
        String[] region = new String[n];
        String[] quintile = new String[n];
        double[][] v = new double[10][n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            urn[k] = Long.toString(p.urn[i]);
            la[k] = Integer.toString(p.la[i]);
            region[k] = p.region[i];
            quintile[k] = Integer.toString(p.fsmQuintile[i]);
            double[] row = {p.read16[i], p.mat16[i], p.read17[i], p.mat17[i], p.read18[i], p.mat18[i], p.pupils17[i],
                    p.fsmEver[i], p.eal[i], p.sen[i]};
            for (int j = 0; j < row.length; j++) {
                v[j][k] = row[j];
            }
        }
        String[] names = {"read_2016", "mat_2016", "read_2017", "mat_2017", "read_2018", "mat_2018", "ks2_pupils_2017",
                "fsm_ever_pct", "eal_pct", "sen_pct"};
        List<Column> cols = new ArrayList<>(List.of(new TextColumn("URN", urn), new TextColumn("la", la),
                new TextColumn("region", region), new TextColumn("fsm_quintile", quintile)));
        for (int j = 0; j < names.length; j++) {
            cols.add(new NumericColumn(names[j], v[j]));
        }
        return new Frame("national-ks2-panel", cols);
    }
}
