package org.padlock.data;

import java.util.Arrays;

/** A numeric column; {@code NaN} marks a missing value. The array is copied on the way in and out. */
public record NumericColumn(String name, double[] values) implements Column {
    public NumericColumn {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Value of row {@code i} ({@code NaN} when missing), without copying the column. */
    public double get(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return Double.isNaN(values[i]);
    }

    @Override
    public void markMissing(boolean[] mark) {
        for (int i = 0; i < values.length; i++) {
            mark[i] |= Double.isNaN(values[i]);
        }
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return new NumericColumn(name, out);
    }

    @Override
    public String text(int i) {
        double v = values[i];
        if (Double.isNaN(v)) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Number of missing values. */
    public int missingCount() {
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", n=" + values.length + "]";
    }
}
