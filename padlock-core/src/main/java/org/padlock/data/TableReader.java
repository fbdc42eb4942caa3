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
 * byte-order mark; {@code NA} or an empty cell is missing. A column becomes numeric when all its
 * non-missing cells, stripped of surrounding white space, are plain decimal or scientific numbers
 * ({@link #parseNumber}); otherwise it stays text, so that a stray word in a column declared numeric
 * is reported with its row by {@link TableSchema}. Columns named in {@code forceText} (identifiers,
 * forced factors) stay text. Parquet columns keep their stored types.
 */
public final class TableReader {
    private static final Set<String> MISSING = Set.of("", "NA");

    private TableReader() {
    }

    /** Reads the whole file. */
    public static Frame read(Path file, Set<String> forceText) {
        String label = requireNonEmpty(file);
        boolean parquet = label.toLowerCase(Locale.ROOT).endsWith(".parquet");
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:")) {
            return parquet ? parquet(con, label, file, forceText) : csv(con, label, file, forceText);
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

    private static final String CSV_SOURCE = "read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', "
            + "escape = '\"', auto_detect = true, null_padding = false)";

    private static Frame parquet(Connection con, String label, Path file, Set<String> forceText) throws SQLException {
        try (ResultSet rs = query(con, "SELECT * FROM read_parquet(?)", file)) {
            ResultSetMetaData md = rs.getMetaData();
            boolean[] numeric = new boolean[md.getColumnCount()];
            for (int j = 0; j < numeric.length; j++) {
                numeric[j] = !forceText.contains(name(md, j)) && isNumericType(md.getColumnType(j + 1));
            }
            return toFrame(label, rs, numeric, forceText, null);
        }
    }

    /**
     * One pass over the CSV with every column not forced to text converted to DOUBLE inside DuckDB,
     * which parses decimal text much faster than the JVM. A cell converts when it is missing
     * ({@code NA} or empty: NULL) or when DuckDB's cast accepts it and it holds none of {@code n N _}
     * (DuckDB, unlike the contract, accepts {@code inf}, {@code nan} and digit separators); any other
     * cell becomes the marker NaN. A column with a marker is read again as text, and {@link #parseAll}
     * decides it with the contract's own rule (a column of words stays text; a cell padded with
     * white space around {@code NA} is missing). DuckDB's cast trims only white space that
     * {@link String#strip} also removes and is correctly rounded, as {@link Double#parseDouble}, so
     * every column gets exactly the values and type the text route would give, without its cost.
     */
    private static Frame csv(Connection con, String label, Path file, Set<String> forceText) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (ResultSet rs = query(con, "SELECT * FROM " + CSV_SOURCE + " LIMIT 0", file)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int j = 0; j < md.getColumnCount(); j++) {
                labels.add(md.getColumnLabel(j + 1));
            }
        }
        boolean[] numeric = new boolean[labels.size()];
        StringBuilder select = new StringBuilder("SELECT ");
        for (int j = 0; j < labels.size(); j++) {
            String q = quote(labels.get(j));
            numeric[j] = !forceText.contains(stripBom(labels.get(j)).strip());
            select.append(j == 0 ? "" : ", ").append(numeric[j]
                    ? "CASE WHEN " + q + " IS NULL OR " + q + " IN ('', 'NA') THEN NULL WHEN TRY_CAST(" + q
                    + " AS DOUBLE) IS NOT NULL AND NOT contains(" + q + ", 'n') AND NOT contains(" + q + ", 'N') AND NOT contains("
                    + q + ", '_') THEN CAST(" + q + " AS DOUBLE) ELSE 'nan'::DOUBLE END AS " + q : q);
        }
        try (ResultSet rs = query(con, select + " FROM " + CSV_SOURCE, file)) {
            return toFrame(label, rs, numeric, forceText, (cols, rejected) -> reread(con, file, labels, cols, rejected));
        }
    }

    /** The columns of {@code rejected} (indices into {@code labels}) read again as text, into {@code cols}. */
    private static void reread(Connection con, Path file, List<String> labels, String[][] cols, List<Integer> rejected)
            throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int k = 0; k < rejected.size(); k++) {
            select.append(k == 0 ? "" : ", ").append(quote(labels.get(rejected.get(k))));
        }
        try (ResultSet rs = query(con, select + " FROM " + CSV_SOURCE, file)) {
            int n = 0;
            while (rs.next()) {
                for (int k = 0; k < rejected.size(); k++) {
                    cols[rejected.get(k)][n] = cell(rs.getString(k + 1));
                }
                n++;
            }
        }
    }

    private static ResultSet query(Connection con, String sql, Path file) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        ps.closeOnCompletion();
        ps.setString(1, file.toAbsolutePath().toString());
        return ps.executeQuery();
    }

    /** Fills the text of the columns whose DOUBLE form held a marker. */
    private interface Reread {
        void into(String[][] cols, List<Integer> rejected) throws SQLException;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " " + t.substring(nl + 1).lines().filter(l -> l.contains("line")).findFirst().orElse("").strip();
    }

    private static String name(ResultSetMetaData md, int j) throws SQLException {
        return stripBom(md.getColumnLabel(j + 1)).strip();
    }

    /** A text cell as the frame holds it: stripped, {@code null} when missing. */
    private static String cell(String s) {
        String t = s == null ? null : s.strip();
        return t == null || MISSING.contains(t) ? null : t;
    }

    /**
     * The frame of {@code rs}: columns flagged {@code numeric} read as doubles (SQL NULL is missing);
     * a numeric column holding a NaN is re-read as text through {@code reread} (never null then) and
     * decided by {@link #parseAll}, as are the text columns not in {@code forceText}.
     */
    private static Frame toFrame(String label, ResultSet rs, boolean[] numeric, Set<String> forceText, Reread reread)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int k = md.getColumnCount();
        if (k == 0) {
            throw new DataException(label, -1, null, "file has no columns");
        }
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            names[j] = name(md, j);
        }
        int capacity = 1024;
        double[][] numBuf = new double[k][];
        String[][] textBuf = new String[k][];
        boolean[] marked = new boolean[k];
        for (int j = 0; j < k; j++) {
            if (numeric[j]) {
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
                    if (numeric[j]) {
                        numBuf[j] = java.util.Arrays.copyOf(numBuf[j], capacity);
                    } else {
                        textBuf[j] = java.util.Arrays.copyOf(textBuf[j], capacity);
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                if (numeric[j]) {
                    double v = rs.getDouble(j + 1);
                    if (rs.wasNull()) {
                        v = Double.NaN;
                    } else if (reread != null && Double.isNaN(v)) {
                        marked[j] = true;
                    }
                    numBuf[j][n] = v;
                } else {
                    textBuf[j][n] = cell(rs.getString(j + 1));
                }
            }
            n++;
        }
        List<Integer> rejected = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (marked[j]) {
                rejected.add(j);
                numBuf[j] = null;
                textBuf[j] = new String[n];
            }
        }
        if (!rejected.isEmpty()) {
            reread.into(textBuf, rejected);
        }
        List<Column> cols = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            if (numBuf[j] != null) {
                cols.add(new NumericColumn(names[j], n == capacity ? numBuf[j] : java.util.Arrays.copyOf(numBuf[j], n)));
            } else {
                String[] vals = textBuf[j].length == n ? textBuf[j] : java.util.Arrays.copyOf(textBuf[j], n);
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
