package org.padlock.data.dfe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.padlock.data.Column;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Joins Department for Education files into one row per school. Files of the same source and year
 * (e.g. the KS2 tables of two local authorities) are stacked, and a URN in two of them is an error;
 * different sources and years are joined on URN (full outer join: a school missing from a file has
 * missing values there, which are not counted as codes). Columns: {@code URN}, then per source (in
 * the order ks2, ks4, census, spine, gias) and year, the measures in mapping order.
 */
public final class DfePanel {
    private DfePanel() {
    }

    /** Reads and joins {@code inputs}; any bad file is a {@code DataException} naming file, line and column. */
    public static DfePanelResult build(List<DfeInput> inputs, ColumnMapping mapping) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no Department for Education file given (--ks2, --ks4, --census, --spine or --gias)");
        }
        List<DfeFile> files = new ArrayList<>();
        for (DfeInput in : inputs) {
            files.add(DfeFile.read(in.file(), in.source(), mapping));
        }
        // groups: same source and year share output columns
        Map<String, List<DfeFile>> groups = new LinkedHashMap<>();
        files.stream()
                .sorted(Comparator.comparing((DfeFile f) -> f.source.ordinal())
                        .thenComparing(f -> f.year == null ? Integer.MAX_VALUE : f.year))
                .forEach(f -> groups.computeIfAbsent(f.source.key() + "/" + f.year, k -> new ArrayList<>()).add(f));
        TreeSet<String> all = new TreeSet<>(Comparator.comparingLong(Long::parseLong));
        for (DfeFile f : files) {
            all.addAll(Arrays.asList(f.urns));
        }
        String[] urns = all.toArray(String[]::new);
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < urns.length; i++) {
            pos.put(urns[i], i);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (List<DfeFile> g : groups.values()) {
            Map<String, DfeFile> owner = new HashMap<>();
            for (DfeFile f : g) {
                for (int r = 0; r < f.urns.length; r++) {
                    DfeFile other = owner.putIfAbsent(f.urns[r], f);
                    if (other != null) {
                        throw new DataException(f.label, f.rowIndex[r], "URN", "duplicated URN " + f.urns[r] + ": also in "
                                + other.label + ", another " + f.source.key() + " file for "
                                + (f.year == null ? "the same snapshot" : "the same year (" + f.year + ")"));
                    }
                }
                for (Map.Entry<String, Object> e : f.values.entrySet()) {
                    Object target = columns.computeIfAbsent(e.getKey(),
                            k -> e.getValue() instanceof double[] ? nan(urns.length) : new String[urns.length]);
                    if (target.getClass() != e.getValue().getClass()) {
                        throw new IllegalArgumentException("column mapping: " + e.getKey() + " is a number in one "
                                + f.source.key() + " layout and text in another (" + f.label + ")");
                    }
                    for (int r = 0; r < f.urns.length; r++) {
                        int i = pos.get(f.urns[r]);
                        if (target instanceof double[] d) {
                            d[i] = ((double[]) e.getValue())[r];
                        } else {
                            ((String[]) target)[i] = ((String[]) e.getValue())[r];
                        }
                    }
                }
            }
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new TextColumn("URN", urns));
        columns.forEach((name, v) -> cols.add(v instanceof double[] d ? new NumericColumn(name, d) : new TextColumn(name, (String[]) v)));
        List<DfeFileSummary> summaries = files.stream().map(f -> f.summary).toList();
        return new DfePanelResult(new Frame("dfe-panel", cols), summaries);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
