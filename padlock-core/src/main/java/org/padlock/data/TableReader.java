package org.padlock.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV or Parquet file into a {@link Frame} through an in-memory DuckDB connection.
 *
 * <p>CSV follows the command-line contract: a header row, comma-separated, UTF-8 with or without a
 * byte-order mark; {@code NA} or an empty cell is missing. Every CSV cell is read as text and a
 * column becomes numeric when all its non-missing cells parse as numbers, so that a stray word in
 * a column declared numeric is reported with its row by {@link TableSchema}. Columns named in
 * {@code forceText} (identifiers, forced factors) stay text.
 */
public final class TableReader {
    private static final Set<String> MISSING = Set.of("", "NA");

    private TableReader() {
    }

    /** Reads the whole file. */
    public static Frame read(Path file, Set<String> forceText) {
        String label = requireNonEmpty(file);
        boolean parquet = label.toLowerCase(Locale.ROOT).endsWith(".parquet");
        String sql = parquet
                ? "SELECT * FROM read_parquet(?)"
                : "SELECT * FROM read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', "
                        + "escape = '\"', auto_detect = true, null_padding = false)";
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = con.prepareStatement(parquet ? sql : typedCsv(con, sql, file, forceText))) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return toFrame(label, rs, forceText);
            }
        } catch (SQLException e) {
            throw new DataException(label, -1, null, "cannot be read as " + (parquet ? "Parquet" : "CSV") + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * The file's name, after checking that it is a regular, non-empty file (a table needs at least a
     * header row); otherwise a {@link DataException} naming the file. Shared by every reader that hands
     * a file to DuckDB.
     */
    public static String requireNonEmpty(Path file) {
        String label = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(label, -1, null, "file not found: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataException(label, -1, null, "file is empty (no header row)");
            }
        } catch (IOException e) {
            throw new DataException(label, -1, null, "cannot read file: " + e.getMessage());
        }
        return label;
    }

    /**
     * The CSV query with every column that qualifies as numeric converted to DOUBLE inside DuckDB,
     * which parses decimal text much faster than the JVM. A column qualifies exactly when
     * {@link #parseAll} would accept it: after removing surrounding white space, every cell is
     * missing ({@code NA} or empty) or consists of digits, {@code . e E + -} only and is a number.
     * DuckDB's text-to-double conversion is correctly rounded, as {@link Double#parseDouble}.
     */
    private static String typedCsv(Connection con, String textQuery, Path file, Set<String> forceText) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(textQuery + " LIMIT 0")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int j = 0; j < md.getColumnCount(); j++) {
                    labels.add(md.getColumnLabel(j + 1));
                }
            }
        }
        List<Integer> candidates = new ArrayList<>();
        StringBuilder check = new StringBuilder("SELECT ");
        for (int j = 0; j < labels.size(); j++) {
            if (forceText.contains(stripBom(labels.get(j)).strip())) {
                continue;
            }
            String v = trimmed(labels.get(j));
            check.append(candidates.isEmpty() ? "" : ", ").append("bool_and(").append(v).append(" IS NULL OR ").append(v)
                    .append(" IN ('', 'NA') OR (regexp_full_match(").append(v).append(", '[0-9.eE+-]+') AND TRY_CAST(")
                    .append(v).append(" AS DOUBLE) IS NOT NULL))");
            candidates.add(j);
        }
        if (candidates.isEmpty()) {
            return textQuery;
        }
        boolean[] numeric = new boolean[labels.size()];
        try (PreparedStatement ps = con.prepareStatement(check + " FROM (" + textQuery + ")")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int k = 0; k < candidates.size(); k++) {
                    // bool_and over no rows is NULL: a file without data rows has numeric columns, as parseAll gives
                    boolean all = rs.getBoolean(k + 1);
                    numeric[candidates.get(k)] = all || rs.wasNull();
                }
            }
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int j = 0; j < labels.size(); j++) {
            String q = quote(labels.get(j));
            select.append(j == 0 ? "" : ", ").append(numeric[j]
                    ? "TRY_CAST(NULLIF(NULLIF(" + trimmed(labels.get(j)) + ", ''), 'NA') AS DOUBLE) AS " + q : q);
        }
        return select + " FROM (" + textQuery + ")";
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The column with leading and trailing white space removed (SQL). */
    private static String trimmed(String name) {
        return "regexp_replace(" + quote(name) + ", '^\\s+|\\s+$', '', 'g')";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " " + t.substring(nl + 1).lines().filter(l -> l.contains("line")).findFirst().orElse("").strip();
    }

    private static Frame toFrame(String label, ResultSet rs, Set<String> forceText) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int k = md.getColumnCount();
        String[] names = new String[k];
        boolean[] nativeNumeric = new boolean[k];
        for (int j = 0; j < k; j++) {
            names[j] = stripBom(md.getColumnLabel(j + 1)).strip();
            int type = md.getColumnType(j + 1);
            nativeNumeric[j] = !forceText.contains(names[j]) && isNumericType(type);
        }
        int capacity = 1024;
        double[][] numBuf = new double[k][];
        String[][] textBuf = new String[k][];
        for (int j = 0; j < k; j++) {
            if (nativeNumeric[j]) {
                numBuf[j] = new double[capacity];
            } else {
                textBuf[j] = new String[capacity];
            }
        }
        int n = 0;
        while (rs.next()) {
            if (n == capacity) {
                capacity *= 2;
                for (int j = 0; j < k; j++) {
                    if (nativeNumeric[j]) {
                        numBuf[j] = java.util.Arrays.copyOf(numBuf[j], capacity);
                    } else {
                        textBuf[j] = java.util.Arrays.copyOf(textBuf[j], capacity);
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                if (nativeNumeric[j]) {
                    double v = rs.getDouble(j + 1);
                    numBuf[j][n] = rs.wasNull() ? Double.NaN : v;
                } else {
                    String s = rs.getString(j + 1);
                    if (s != null) {
                        s = s.strip();
                    }
                    textBuf[j][n] = s == null || MISSING.contains(s) ? null : s;
                }
            }
            n++;
        }
        if (k == 0) {
            throw new DataException(label, -1, null, "file has no columns");
        }
        List<Column> cols = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            if (nativeNumeric[j]) {
                cols.add(new NumericColumn(names[j], java.util.Arrays.copyOf(numBuf[j], n)));
            } else {
                String[] vals = java.util.Arrays.copyOf(textBuf[j], n);
                double[] parsed = forceText.contains(names[j]) ? null : parseAll(vals);
                cols.add(parsed == null ? new TextColumn(names[j], vals) : new NumericColumn(names[j], parsed));
            }
        }
        try {
            return new Frame(label, cols);
        } catch (IllegalArgumentException e) {
            throw new DataException(label, -1, null, "header: " + e.getMessage());
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static boolean isNumericType(int t) {
        return t == Types.DOUBLE || t == Types.FLOAT || t == Types.REAL || t == Types.INTEGER || t == Types.BIGINT
                || t == Types.SMALLINT || t == Types.TINYINT || t == Types.DECIMAL || t == Types.NUMERIC || t == Types.BOOLEAN;
    }

    /** Parses every non-missing cell as a number, or returns {@code null} if any cell is not a number. */
    static double[] parseAll(String[] vals) {
        double[] out = new double[vals.length];
        boolean any = false;
        for (int i = 0; i < vals.length; i++) {
            String s = vals[i];
            if (s == null) {
                out[i] = Double.NaN;
                continue;
            }
            Double d = parseNumber(s);
            if (d == null) {
                return null;
            }
            out[i] = d;
            any = true;
        }
        return any ? out : allMissing(vals.length);
    }

    private static double[] allMissing(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /** A number in plain decimal or scientific notation, or {@code null}; no hex, no "Infinity", no "NaN". */
    public static Double parseNumber(String s) {
        int len = s.length();
        if (len == 0) {
            return null;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
