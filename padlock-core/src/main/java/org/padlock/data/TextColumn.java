package org.padlock.data;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.List;
import java.util.ArrayList;

/** A text (categorical or identifier) column; {@code null} marks a missing value. */
public record TextColumn(String name, String[] values) implements Column {
    public TextColumn {
        values = values.clone();
    }

    @Override
    public String[] values() {
        return values.clone();
    }

    /** Value of row {@code i} ({@code null} when missing), without copying the column. */
    public String get(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return values[i] == null;
    }

    @Override
    public void markMissing(boolean[] mark) {
        for (int i = 0; i < values.length; i++) {
            mark[i] |= values[i] == null;
        }
    }

    @Override
    public TextColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public String text(int i) {
        return values[i];
    }

    /** The distinct non-missing values in sorted order: the first is the reference level in models. */
    public List<String> levels() {
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            if (v != null) {
                set.add(v);
            }
        }
        return new ArrayList<>(set);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", n=" + values.length + "]";
    }
}
