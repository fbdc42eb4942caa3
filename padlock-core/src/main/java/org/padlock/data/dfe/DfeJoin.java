package org.padlock.data.dfe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.padlock.data.Column;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Adds a DfE panel's columns to a school table (left join on the school id read as a URN). A school
 * the panel does not have gets missing values; a panel column whose name the school table already
 * has, or a school table none of whose ids is in the panel, is an error.
 */
public final class DfeJoin {
    private DfeJoin() {
    }

    /**
     * @param schools the school table
     * @param id      its id column (URNs, as text or numbers)
     * @param panel   a panel from {@link DfePanel#build}
     */
    public static Frame onto(Frame schools, String id, Frame panel) {
        Column idc = schools.column(id);
        Map<String, Integer> at = new HashMap<>();
        String[] urns = panel.text("URN").values();
        for (int i = 0; i < urns.length; i++) {
            at.put(urns[i], i);
        }
        int n = schools.rowCount();
        int[] row = new int[n];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            String v = idc.text(i);
            String urn = v == null ? null : DfeFile.urn(v.strip());
            Integer r = urn == null ? null : at.get(urn);
            row[i] = r == null ? -1 : r;
            hits += r == null ? 0 : 1;
        }
        if (hits == 0 && n > 0) {
            throw new DataException(schools.source(), -1, id, "no school id is a URN of the Department's files (first id: '"
                    + idc.text(0) + "'); data.schools.id must hold URNs for data.dfe");
        }
        List<Column> cols = new ArrayList<>(schools.columns());
        for (Column c : panel.columns()) {
            if (c.name().equals("URN")) {
                continue;
            }
            if (schools.has(c.name())) {
                throw new DataException(schools.source(), -1, c.name(), "the school table already has this column, "
                        + "which data.dfe also builds; rename it in one of them");
            }
            if (c instanceof NumericColumn nc) {
                double[] v = new double[n];
                Arrays.fill(v, Double.NaN);
                for (int i = 0; i < n; i++) {
                    if (row[i] >= 0) {
                        v[i] = nc.get(row[i]);
                    }
                }
                cols.add(new NumericColumn(c.name(), v));
            } else {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    if (row[i] >= 0) {
                        v[i] = ((TextColumn) c).get(row[i]);
                    }
                }
                cols.add(new TextColumn(c.name(), v));
            }
        }
        return new Frame(schools.source(), cols);
    }
}
