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
            DataException ragged = parquet ? null : CsvShape.raggedRow(label, file);
            if (ragged != null) {
                throw ragged;
            }
            throw new DataException(label, -1, null, "cannot be read as " + (parquet ? "Parquet" : "CSV") + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /**
     * Loads DuckDB's native library and opens and closes an in-memory database, so that a read started
     * later does not wait for the library; a failure is left for that read to report.
     */
    public static void warmUp() {
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:")) {
            con.isClosed();
        } catch (SQLException | RuntimeException | LinkageError e) {
            // the read that follows reports the problem with its file and context
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
            return toFrame(label, rs, numeric, forceText);
        }
    }

    /**
     * One pass over the CSV with every column not forced to text converted to DOUBLE inside DuckDB,
     * which parses decimal text much faster than the JVM. A missing cell ({@code NA} or empty) is
     * NULL, which the driver hands over as NaN; a cell with a digit separator {@code _} (which DuckDB's
     * cast, unlike the contract, accepts), one the cast rejects and one it reads as NaN or an infinity
     * (DuckDB also accepts {@code nan} and {@code inf}) become the marker, an infinity. A column holding
     * the marker is read again as text, and {@link #parseAll} decides it with the contract's own rule (a
     * column of words stays text; a cell padded with white space around {@code NA} is missing).
     * DuckDB's cast trims only white space that {@link String#strip} also removes and is correctly
     * rounded, as {@link Double#parseDouble}, so every column gets exactly the values and type the text
     * route would give, without its cost. Text columns come through {@link #readText}; those forced to
     * text are written by DuckDB on a second connection while this one reads the numeric columns.
     */
    private static Frame csv(Connection con, String label, Path file, Set<String> forceText) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (ResultSet rs = query(con, "SELECT * FROM " + CSV_SOURCE + " LIMIT 0", file)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int j = 0; j < md.getColumnCount(); j++) {
                labels.add(md.getColumnLabel(j + 1));
            }
        }
        int k = labels.size();
        if (k == 0) {
            throw new DataException(label, -1, null, "file has no columns");
        }
        if (k != headerFields(file)) {
            // DuckDB took its columns from elsewhere than the header: rows of different lengths
            DataException ragged = CsvShape.raggedRow(label, file);
            if (ragged != null) {
                throw ragged;
            }
        }
        String[] names = new String[k];
        List<Integer> numeric = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder casts = new StringBuilder();
        for (int j = 0; j < k; j++) {
            names[j] = stripBom(labels.get(j)).strip();
            if (forceText.contains(names[j])) {
                text.add(j);
                continue;
            }
            // the inner query names each cell c<j> and its cast d<j>, the outer one decides between them
            String q = quote(labels.get(j));
            String c = "c" + j;
            String d = "d" + j;
            select.append(numeric.isEmpty() ? "" : ", ").append("CASE WHEN ").append(c).append(" IS NULL OR ").append(c)
                    .append(" IN ('', 'NA') THEN NULL WHEN contains(").append(c).append(", '_') OR NOT coalesce(isfinite(")
                    .append(d).append("), false) THEN 'inf'::DOUBLE ELSE ").append(d).append(" END");
            casts.append(numeric.isEmpty() ? "" : ", ").append(q).append(" AS ").append(c)
                    .append(", TRY_CAST(").append(q).append(" AS DOUBLE) AS ").append(d);
            numeric.add(j);
        }
        String[][] txt = new String[k][];
        java.util.concurrent.CompletableFuture<Integer> forced = text.isEmpty() ? null : readTextAsync(con, file, labels, text, txt);
        double[][] num = new double[k][];
        int n = -1;
        List<Integer> marked = new ArrayList<>();
        try {
            if (!numeric.isEmpty()) {
                try (ResultSet rs = query(con, select + " FROM (SELECT " + casts + " FROM " + CSV_SOURCE + ")", file)) {
                    n = readDoubles(rs, numeric, num);
                }
                for (int j : numeric) {
                    if (num[j] == null) {
                        marked.add(j); // a marker: decided on its text
                    }
                }
            }
        } finally {
            n = join(label, forced, n);
        }
        if (!marked.isEmpty()) {
            n = checkRows(label, readText(con, file, labels, marked, txt), n);
        }
        List<Column> cols = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            if (num[j] != null) {
                cols.add(new NumericColumn(names[j], num[j]));
            } else {
                double[] parsed = forceText.contains(names[j]) ? null : parseAll(txt[j]);
                cols.add(parsed == null ? new TextColumn(names[j], txt[j]) : new NumericColumn(names[j], parsed));
            }
        }
        return frame(label, cols);
    }

    private static int headerFields(Path file) throws SQLException {
        try {
            return CsvShape.headerFields(file);
        } catch (IOException e) {
            throw new SQLException("cannot read the header line: " + e.getMessage(), e);
        }
    }

    /** {@link #readText} on a second connection to the same database, in another thread. */
    private static java.util.concurrent.CompletableFuture<Integer> readTextAsync(Connection con, Path file, List<String> labels,
                                                                               List<Integer> columns, String[][] out) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (Connection second = con.unwrap(org.duckdb.DuckDBConnection.class).duplicate()) {
                return readText(second, file, labels, columns, out);
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** The rows of the text columns read by {@code forced} (when not null), checked against {@code n} (-1: none yet). */
    private static int join(String label, java.util.concurrent.CompletableFuture<Integer> forced, int n) throws SQLException {
        if (forced == null) {
            return n;
        }
        try {
            return checkRows(label, forced.join(), n);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SQLException se) {
                throw se;
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private static int checkRows(String label, int rows, int n) {
        if (n >= 0 && rows != n) {
            throw new DataException(label, -1, null, "cannot be read as CSV: the text columns have " + rows
                    + " rows and the numeric ones " + n);
        }
        return rows;
    }

    /**
     * Reads the DOUBLE columns of {@code rs} (the k-th holds column {@code columns.get(k)}) into
     * {@code out}; a column holding the marker (an infinity) is left {@code null}. SQL NULL, which the
     * driver returns as NaN, is missing.
     * Returns the number of rows.
     */
    private static int readDoubles(ResultSet rs, List<Integer> columns, double[][] out) throws SQLException {
        int m = columns.size();
        // rows collected in blocks of fixed size, copied once into columns of the exact length at the end
        List<double[][]> blocks = new ArrayList<>();
        double[][] block = null;
        boolean[] marked = new boolean[m];
        int n = 0;
        while (rs.next()) {
            int r = n % READ_BLOCK;
            if (r == 0) {
                block = new double[m][READ_BLOCK];
                blocks.add(block);
            }
            for (int c = 0; c < m; c++) {
                double v = rs.getDouble(c + 1);
                marked[c] |= Double.isInfinite(v);
                block[c][r] = v;
            }
            n++;
        }
        for (int c = 0; c < m; c++) {
            if (marked[c]) {
                continue;
            }
            double[] col = new double[n];
            for (int b = 0; b < blocks.size(); b++) {
                int from = b * READ_BLOCK;
                System.arraycopy(blocks.get(b)[c], 0, col, from, Math.min(READ_BLOCK, n - from));
            }
            out[columns.get(c)] = col;
        }
        return n;
    }

    private static final int READ_BLOCK = 1 << 16;

    /**
     * Reads the columns {@code columns} (indices into {@code labels}) as text into {@code out}, cells
     * stripped and missing ones {@code null}; returns the number of rows. DuckDB writes them to a
     * temporary file with every value quoted (a missing one unquoted and empty), which is read back
     * here: far cheaper than one JDBC string per cell.
     */
    private static int readText(Connection con, Path file, List<String> labels, List<Integer> columns, String[][] out)
            throws SQLException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("padlock-text", ".csv");
            StringBuilder select = new StringBuilder("SELECT ");
            for (int c = 0; c < columns.size(); c++) {
                select.append(c == 0 ? "" : ", ").append(quote(labels.get(columns.get(c))));
            }
            try (java.sql.Statement st = con.createStatement()) {
                st.execute("COPY (" + select + " FROM " + CSV_SOURCE.replace("?", literal(file.toAbsolutePath().toString()))
                        + ") TO " + literal(tmp.toString())
                        + " (FORMAT csv, HEADER false, QUOTE '\"', ESCAPE '\"', FORCE_QUOTE *, NEW_LINE '\n')");
            }
            String body = Files.readString(tmp, java.nio.charset.StandardCharsets.UTF_8);
            return QuotedColumns.parse(body, columns, out);
        } catch (IOException e) {
            throw new SQLException("temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static ResultSet query(Connection con, String sql, Path file) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        ps.closeOnCompletion();
        ps.setString(1, file.toAbsolutePath().toString());
        return ps.executeQuery();
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
    static String cell(String s) {
        String t = s == null ? null : s.strip();
        return t == null || MISSING.contains(t) ? null : t;
    }

    /**
     * The frame of a Parquet result: columns flagged {@code numeric} read as doubles (SQL NULL and NaN
     * are missing), the others as text, decided by {@link #parseAll} unless in {@code forceText}.
     */
    private static Frame toFrame(String label, ResultSet rs, boolean[] numeric, Set<String> forceText) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int k = md.getColumnCount();
        if (k == 0) {
            throw new DataException(label, -1, null, "file has no columns");
        }
        List<Integer> num = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (numeric[j]) {
                num.add(j);
            }
        }
        int capacity = 1024;
        String[][] textBuf = new String[k][];
        double[][] numBuf = new double[num.size()][capacity];
        for (int j = 0; j < k; j++) {
            textBuf[j] = numeric[j] ? null : new String[capacity];
        }
        int n = 0;
        while (rs.next()) {
            if (n == capacity) {
                capacity *= 2;
                for (int c = 0; c < num.size(); c++) {
                    numBuf[c] = java.util.Arrays.copyOf(numBuf[c], capacity);
                }
                for (int j = 0; j < k; j++) {
                    textBuf[j] = numeric[j] ? null : java.util.Arrays.copyOf(textBuf[j], capacity);
                }
            }
            for (int c = 0; c < num.size(); c++) {
                double v = rs.getDouble(num.get(c) + 1);
                numBuf[c][n] = rs.wasNull() ? Double.NaN : v;
            }
            for (int j = 0; j < k; j++) {
                if (!numeric[j]) {
                    textBuf[j][n] = cell(rs.getString(j + 1));
                }
            }
            n++;
        }
        List<Column> cols = new ArrayList<>(k);
        int c = 0;
        for (int j = 0; j < k; j++) {
            String name = name(md, j);
            if (numeric[j]) {
                cols.add(new NumericColumn(name, java.util.Arrays.copyOf(numBuf[c++], n)));
            } else {
                String[] vals = java.util.Arrays.copyOf(textBuf[j], n);
                double[] parsed = forceText.contains(name) ? null : parseAll(vals);
                cols.add(parsed == null ? new TextColumn(name, vals) : new NumericColumn(name, parsed));
            }
        }
        return frame(label, cols);
    }

    private static Frame frame(String label, List<Column> cols) {
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
