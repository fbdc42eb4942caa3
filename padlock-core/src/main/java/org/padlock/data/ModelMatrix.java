package org.padlock.data;

import java.util.List;

/**
 * A numeric design matrix stored by column ({@code x[j][i]} is term {@code j} of row {@code i}),
 * with the names of its terms and the source rows it was built from.
 *
 * @param names term names ({@code (Intercept)}, numeric covariates, {@code <factor>_<level>}
 *              indicators, {@code <covariate>_missing} flags)
 * @param x     columns of the matrix
 * @param rows  for each matrix row, the index of the frame row it came from
 */
public record ModelMatrix(List<String> names, double[][] x, int[] rows) {
    public ModelMatrix {
        names = List.copyOf(names);
        if (names.size() != x.length) {
            throw new IllegalArgumentException("names and columns differ: " + names.size() + " vs " + x.length);
        }
    }

    public int rowCount() {
        return rows.length;
    }

    public int termCount() {
        return x.length;
    }

    /** Column of the named term; throws if absent. */
    public double[] column(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no term " + name + " in " + names);
        }
        return x[j];
    }

    /** A matrix with only the given columns. */
    public ModelMatrix keep(int[] columns) {
        double[][] out = new double[columns.length][];
        String[] nm = new String[columns.length];
        for (int k = 0; k < columns.length; k++) {
            out[k] = x[columns[k]];
            nm[k] = names.get(columns[k]);
        }
        return new ModelMatrix(List.of(nm), out, rows);
    }
}
