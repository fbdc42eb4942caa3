package org.padlock.data;

import java.util.List;

/**
 * Parses the text DuckDB's CSV writer produces with {@code FORCE_QUOTE *}: one row per line, every
 * value in double quotes with an embedded quote doubled (RFC 4180), a missing value empty and
 * unquoted. Used by {@link TableReader} to receive text columns in bulk.
 */
final class QuotedColumns {
    private QuotedColumns() {
    }

    /**
     * Fills {@code out[columns.get(c)]} with the cells of the c-th field of each line, as
     * {@link TableReader#cell} gives them (stripped, {@code null} when missing); returns the number of rows.
     */
    static int parse(String body, List<Integer> columns, String[][] out) {
        int m = columns.size();
        int rows = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                rows++; // an upper bound: quoted values may hold line breaks
            }
        }
        String[][] cells = new String[m][rows];
        // a column's repeated values (factor levels, codes) share one string each, until it proves to have
        // more than SHARED distinct values (identifiers), when sharing stops for it
        java.util.List<java.util.Map<String, String>> shared = new java.util.ArrayList<>();
        for (int c = 0; c < m; c++) {
            shared.add(new java.util.HashMap<>());
        }
        int pos = 0;
        int r = 0;
        StringBuilder b = new StringBuilder();
        while (pos < body.length()) {
            for (int c = 0; c < m; c++) {
                String v = null;
                if (body.charAt(pos) == '"') {
                    b.setLength(0);
                    pos++;
                    while (true) {
                        int q = body.indexOf('"', pos);
                        b.append(body, pos, q);
                        pos = q + 1;
                        if (pos < body.length() && body.charAt(pos) == '"') {
                            b.append('"');
                            pos++;
                        } else {
                            break;
                        }
                    }
                    v = b.toString();
                }
                char end = body.charAt(pos++);
                if (end != (c == m - 1 ? '\n' : ',')) {
                    throw new IllegalStateException("unexpected character '" + end + "' in DuckDB's text output, row " + (r + 1));
                }
                cells[c][r] = share(shared, c, TableReader.cell(v));
            }
            r++;
        }
        for (int c = 0; c < m; c++) {
            out[columns.get(c)] = r == rows ? cells[c] : java.util.Arrays.copyOf(cells[c], r);
        }
        return r;
    }

    /** Distinct values a column may have and still share its strings. */
    private static final int SHARED = 1024;

    /** {@code v}, or the equal string column {@code c} already holds; stops sharing past {@link #SHARED} values. */
    private static String share(java.util.List<java.util.Map<String, String>> shared, int c, String v) {
        java.util.Map<String, String> seen = shared.get(c);
        if (v == null || seen == null) {
            return v;
        }
        String first = seen.putIfAbsent(v, v);
        if (first != null) {
            return first;
        }
        if (seen.size() > SHARED) {
            shared.set(c, null);
        }
        return v;
    }
}
