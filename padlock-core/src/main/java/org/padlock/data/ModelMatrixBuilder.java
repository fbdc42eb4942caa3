package org.padlock.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link ModelMatrix} from frame columns, following the command-line contract: a text
 * column, or a column named as a factor, is expanded to one 0/1 indicator per level named
 * {@code <column>_<level>}; the first level in sorted order (numerically when all levels are
 * numbers) is the reference and gets no indicator when {@code dropReference} is set.
 */
public final class ModelMatrixBuilder {
    /** The name of the intercept term, as R prints it. */
    public static final String INTERCEPT = "(Intercept)";

    private ModelMatrixBuilder() {
    }

    /**
     * @param frame         the data
     * @param rows          candidate rows (others are ignored)
     * @param covariates    covariate columns, in order
     * @param factors       columns to treat as categorical even when numeric
     * @param missing       what to do with missing covariate values
     * @param intercept     whether to add an intercept column first
     * @param dropReference whether factors omit their reference level (models) or keep all (balance tables)
     */
    public static ModelMatrix build(Frame frame, int[] rows, List<String> covariates, Set<String> factors,
                                    MissingPolicy missing, boolean intercept, boolean dropReference) {
        int[] used = rows;
        if (missing == MissingPolicy.DROP) {
            used = completeRows(frame, rows, covariates);
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        int n = used.length;
        if (intercept) {
            names.add(INTERCEPT);
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1.0);
            cols.add(one);
        }
        // each covariate's columns are independent of the others': built on all cores, added in covariate order
        int[] rowsUsed = used;
        List<List<String>> termNames = new ArrayList<>();
        List<List<double[]>> termCols = new ArrayList<>();
        for (int k = 0; k < covariates.size(); k++) {
            termNames.add(new ArrayList<>());
            termCols.add(new ArrayList<>());
        }
        // a covariate's error is kept and thrown here, unchanged, for the first such covariate in order
        RuntimeException[] error = new RuntimeException[covariates.size()];
        java.util.stream.IntStream.range(0, covariates.size()).parallel().forEach(k -> {
            String c = covariates.get(k);
            try {
                if (ModelTerms.isComposite(frame, c)) {
                    addComposite(frame, rowsUsed, c, factors, dropReference, termNames.get(k), termCols.get(k));
                } else {
                    addColumn(frame, rowsUsed, c, factors, dropReference, termNames.get(k), termCols.get(k));
                }
            } catch (RuntimeException e) {
                error[k] = e;
            }
        });
        for (RuntimeException e : error) {
            if (e != null) {
                throw e;
            }
        }
        for (int k = 0; k < covariates.size(); k++) {
            names.addAll(termNames.get(k));
            cols.addAll(termCols.get(k));
        }
        return new ModelMatrix(names, cols.toArray(new double[0][]), used.clone());
    }

    /** Appends the column(s) of one data column: the value, or a factor's indicators, plus a missing flag. */
    private static void addColumn(Frame frame, int[] used, String c, Set<String> factors, boolean dropReference,
                                  List<String> names, List<double[]> cols) {
        int n = used.length;
        Column col = frame.column(c);
        boolean factor = factors.contains(c) || col instanceof TextColumn;
        if (factor) {
            TextColumn t = frame.text(c);
            // each row's level once (-1: missing), numbered as first seen, then renumbered in the order
            // of the sorted levels; then one indicator column per level
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            int[] code = new int[n];
            boolean anyMissing = false;
            for (int k = 0; k < n; k++) {
                String v = t.get(used[k]);
                if (v == null) {
                    code[k] = -1;
                    anyMissing = true;
                } else {
                    Integer l = seen.get(v);
                    if (l == null) {
                        l = seen.size();
                        seen.put(v, l);
                    }
                    code[k] = l;
                }
            }
            List<String> levels = sorted(seen.keySet());
            int[] rank = new int[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                rank[seen.get(levels.get(l))] = l;
            }
            for (int k = 0; k < n; k++) {
                code[k] = code[k] < 0 ? -1 : rank[code[k]];
            }
            int first = dropReference ? 1 : 0;
            for (int l = first; l < levels.size(); l++) {
                double[] d = new double[n];
                for (int k = 0; k < n; k++) {
                    d[k] = code[k] == l ? 1.0 : 0.0;
                }
                names.add(c + "_" + levels.get(l));
                cols.add(d);
            }
            if (anyMissing) {
                double[] d = new double[n];
                for (int k = 0; k < n; k++) {
                    d[k] = code[k] == -1 ? 1.0 : 0.0;
                }
                names.add(c + "_missing");
                cols.add(d);
            }
        } else {
            NumericColumn v = frame.numeric(c);
            // every row in order (the usual case): one copy of the column, then the missing values
            boolean all = isAllRows(used, v.size());
            double[] d = all ? v.values() : new double[n];
            double[] flag = null;
            for (int k = 0; k < n; k++) {
                double x = all ? d[k] : v.get(used[k]);
                if (Double.isNaN(x)) {
                    if (flag == null) {
                        flag = new double[n];
                    }
                    flag[k] = 1.0;
                    d[k] = 0.0;
                } else {
                    d[k] = x;
                }
            }
            names.add(c);
            cols.add(d);
            if (flag != null) {
                names.add(c + "_missing");
                cols.add(flag);
            }
        }
    }

    /**
     * Appends the columns of a power or interaction term ({@link ModelTerms}): the products of the
     * parts' columns, every combination, the first part varying fastest (as R). Missing values count as 0
     * here (with {@link MissingPolicy#DROP} there are none).
     */
    private static void addComposite(Frame frame, int[] used, String term, Set<String> factors, boolean dropReference,
                                     List<String> names, List<double[]> cols) {
        int n = used.length;
        List<String> accNames = new ArrayList<>(List.of(""));
        List<double[]> acc = new ArrayList<>();
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        acc.add(one);
        for (ModelTerms.Part part : ModelTerms.parts(frame, term)) {
            List<String> pn = new ArrayList<>();
            List<double[]> pc = new ArrayList<>();
            if (part.power() == 1) {
                addColumn(frame, used, part.column(), factors, dropReference, pn, pc);
            } else {
                if (factors.contains(part.column()) || frame.column(part.column()) instanceof TextColumn) {
                    throw new IllegalArgumentException("model term '" + term + "': cannot raise the categorical column '"
                            + part.column() + "' to a power");
                }
                NumericColumn v = frame.numeric(part.column());
                double[] d = new double[n];
                for (int k = 0; k < n; k++) {
                    double x = v.get(used[k]);
                    d[k] = Double.isNaN(x) ? 0.0 : Math.pow(x, part.power());
                }
                pn.add(part.label());
                pc.add(d);
            }
            List<String> nextNames = new ArrayList<>();
            List<double[]> next = new ArrayList<>();
            for (int b = 0; b < pc.size(); b++) {
                if (pn.get(b).endsWith("_missing")) {
                    continue;
                }
                for (int a = 0; a < acc.size(); a++) {
                    double[] d = new double[n];
                    for (int k = 0; k < n; k++) {
                        d[k] = acc.get(a)[k] * pc.get(b)[k];
                    }
                    nextNames.add(accNames.get(a).isEmpty() ? pn.get(b) : accNames.get(a) + ":" + pn.get(b));
                    next.add(d);
                }
            }
            accNames = nextNames;
            acc = next;
        }
        names.addAll(accNames);
        cols.addAll(acc);
    }

    /** Rows of {@code rows} where none of the columns is missing. */
    public static int[] completeRows(Frame frame, int[] rows, List<String> columns) {
        Column[] cs = ModelTerms.columns(frame, columns).stream().map(frame::column).toArray(Column[]::new);
        // column by column, then the rows with no mark
        boolean[] missing = new boolean[frame.rowCount()];
        boolean all = isAllRows(rows, frame.rowCount());
        for (Column c : cs) {
            if (all) {
                c.markMissing(missing);
            } else {
                for (int i : rows) {
                    missing[i] |= c.isMissing(i);
                }
            }
        }
        int[] out = new int[rows.length];
        int m = 0;
        for (int i : rows) {
            if (!missing[i]) {
                out[m++] = i;
            }
        }
        return m == out.length ? out : java.util.Arrays.copyOf(out, m);
    }

    /** Sorted distinct non-missing levels among the rows: numerically if all are numbers, else as text. */
    public static List<String> levels(TextColumn t, int[] rows) {
        java.util.HashSet<String> set = new java.util.HashSet<>();
        for (int i : rows) {
            if (t.get(i) != null) {
                set.add(t.get(i));
            }
        }
        return sorted(set);
    }

    /** The levels sorted numerically if all are numbers, else as text. */
    private static List<String> sorted(java.util.Collection<String> levels) {
        List<String> out = new ArrayList<>(new TreeSet<>(levels));
        boolean numeric = out.stream().allMatch(s -> TableReader.parseNumber(s) != null);
        if (numeric) {
            out.sort(Comparator.comparingDouble(TableReader::parseNumber));
        }
        return out;
    }

    /** Whether {@code used} is {@code 0, 1, ..., size - 1}. */
    private static boolean isAllRows(int[] used, int size) {
        if (used.length != size) {
            return false;
        }
        for (int k = 0; k < size; k++) {
            if (used[k] != k) {
                return false;
            }
        }
        return true;
    }

    /** All row indices of a frame. */
    public static int[] allRows(Frame f) {
        int[] r = new int[f.rowCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return r;
    }
}
