package org.padlock.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable in-memory columnar table, the form in which the numerical code sees data.
 * Columns keep the order of the source. {@code source} names the file the frame came from,
 * so that errors found later can still name it.
 */
public final class Frame {
    private final String source;
    private final Map<String, Column> columns;
    private final int rows;

    public Frame(String source, List<? extends Column> columns) {
        this.source = source;
        LinkedHashMap<String, Column> map = new LinkedHashMap<>();
        int n = -1;
        for (Column c : columns) {
            if (n >= 0 && c.size() != n) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows; expected " + n);
            }
            n = c.size();
            if (map.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column name " + c.name());
            }
        }
        this.columns = Collections.unmodifiableMap(map);
        this.rows = Math.max(n, 0);
    }

    /** The file (or description) this frame was read from. */
    public String source() {
        return source;
    }

    public int rowCount() {
        return rows;
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new DataException(source, -1, name, "column is missing; the file has: " + String.join(", ", columns.keySet()));
        }
        return c;
    }

    /** The named column as numbers; a text column is an error naming the first non-numeric row. */
    public NumericColumn numeric(String name) {
        Column c = column(name);
        if (c instanceof NumericColumn n) {
            return n;
        }
        TextColumn t = (TextColumn) c;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i) != null && TableReader.parseNumber(t.get(i)) == null) {
                throw new DataException(source, i, name, "must be numeric; found \"" + t.get(i) + "\"");
            }
        }
        double[] out = new double[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(i) == null ? Double.NaN : TableReader.parseNumber(t.get(i));
        }
        return new NumericColumn(name, out);
    }

    /** The named column as text (numbers rendered in shortest form). */
    public TextColumn text(String name) {
        Column c = column(name);
        if (c instanceof TextColumn t) {
            return t;
        }
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.text(i);
        }
        return new TextColumn(name, out);
    }

    /** A frame of the given rows, in the given order. */
    public Frame select(int[] rowIndex) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns.values()) {
            out.add(c.select(rowIndex));
        }
        return new Frame(source, out);
    }

    /** A frame with the given column added or replaced. */
    public Frame with(Column column) {
        List<Column> out = new ArrayList<>();
        boolean replaced = false;
        for (Column c : columns.values()) {
            if (c.name().equals(column.name())) {
                out.add(column);
                replaced = true;
            } else {
                out.add(c);
            }
        }
        if (!replaced) {
            out.add(column);
        }
        return new Frame(source, out);
    }

    /** A frame with only the named columns, in the given order. */
    public Frame project(List<String> names) {
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            out.add(column(n));
        }
        return new Frame(source, out);
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }
}
