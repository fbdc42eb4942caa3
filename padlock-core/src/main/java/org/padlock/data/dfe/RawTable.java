package org.padlock.data.dfe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.padlock.data.DataException;
import org.padlock.data.TableReader;

/**
 * A published CSV file as text cells, parsed by DuckDB's {@code read_csv} (never by hand): the header
 * names (byte-order mark removed) and every cell exactly as written, with three states kept apart
 * that matter for counting missing values: an empty cell ({@code ""}), a cell of spaces and a cell
 * beyond the end of a short row ({@code null}).
 *
 * <p>The header is read first, then the data with the header's column count fixed, so a row longer
 * than the header is an error with its line (DuckDB's rejects table) rather than a new column. Data
 * row {@code i} (0-based) is taken to sit on line {@code i + 2}; the published files have no quoted
 * line breaks, and a cell containing one is rejected so that line numbers stay exact.
 */
final class RawTable {
    /** A null marker that cannot occur in a file, so empty cells come back as empty strings. */
    private static final String NO_NULL = "\\u0001padlock-no-null";
    private static final String OPTIONS = "delim = ',', quote = '\"', escape = '\"', null_padding = true, nullstr = '"
            + NO_NULL + "'";

    private final String label;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final String[][] cells;
    private final int rows;
    /** File line of each data row; {@code null} when rows sit on consecutive lines after the header. */
    private int[] lines;

    private RawTable(String label, List<String> header, String[][] cells, int rows) {
        this.label = label;
        this.header = List.copyOf(header);
        this.index = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            index.put(header.get(j), j);
        }
        this.cells = cells;
        this.rows = rows;
    }

    /** Reads {@code file}; any problem is a {@link DataException} naming the file, line and column. */
    static RawTable read(Path file) {
        return read(file, null, h -> h);
    }

    /**
     * Reads {@code file}. When {@code overflow} names the header's last column, cells beyond the header
     * are further values of that column (GIAS writes one linked establishment per extra cell) and are
     * joined onto it with {@code ", "}; otherwise a longer row is an error. Only the columns
     * {@code wanted} returns for the header are kept (the whole file is still parsed and checked).
     */
    static RawTable read(Path file, String overflow, java.util.function.Function<List<String>, java.util.Collection<String>> wanted) {
        String label = TableReader.requireNonEmpty(file);
        String path = file.toAbsolutePath().toString();
        try (Connection con = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> header = new ArrayList<>();
            int width = header(con, label, path, header);
            boolean spill = overflow != null && overflow.equals(header.get(header.size() - 1));
            java.util.Set<String> keep = new java.util.HashSet<>(wanted.apply(List.copyOf(header)));
            RawTable t = data(con, label, path, header, spill ? Math.max(width, header.size()) : header.size(), keep);
            t.lines = lines(file, t.rows);
            return t;
        } catch (SQLException e) {
            throw new DataException(label, -1, null, "cannot be read as CSV: " + firstLine(e.getMessage()));
        }
    }

    /** Fills {@code names} with the header; returns the widest row the sniffer saw. */
    private static int header(Connection con, String label, String path, List<String> names) throws SQLException {
        String sql = "SELECT * FROM read_csv(?, header = false, all_varchar = true, " + OPTIONS + ") LIMIT 1";
        int width;
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new DataException(label, -1, null, "line 1: no header row");
                }
                int k = rs.getMetaData().getColumnCount();
                width = k;
                for (int j = 1; j <= k; j++) {
                    names.add(rs.getString(j));
                }
            }
        }
        // the sniffer pads the header when a later row is longer; those cells are not header names
        while (!names.isEmpty() && names.get(names.size() - 1) == null) {
            names.remove(names.size() - 1);
        }
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        if (names.size() == 1) {
            String only = names.get(0);
            for (String d : List.of(";", "\t", "|")) {
                if (only.contains(d)) {
                    throw new DataException(label, -1, null, "line 1 (header): one column named '" + abbreviate(only)
                            + "'; the file looks delimited by '" + (d.equals("\t") ? "\\t" : d)
                            + "', but the Department's files are comma-separated");
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            String n = names.get(j) == null ? "" : names.get(j).strip();
            if (n.isEmpty()) {
                throw new DataException(label, -1, "#" + (j + 1), "line 1 (header): column " + (j + 1) + " has no name");
            }
            Integer before = seen.put(n, j);
            if (before != null) {
                throw new DataException(label, -1, n, "line 1 (header): the name appears twice (columns "
                        + (before + 1) + " and " + (j + 1) + ")");
            }
            names.set(j, n);
        }
        return width;
    }

    private static RawTable data(Connection con, String label, String path, List<String> header, int width,
                                 java.util.Set<String> keep) throws SQLException {
        StringBuilder cols = new StringBuilder("{");
        for (int j = 0; j < width; j++) {
            if (j > 0) {
                cols.append(", ");
            }
            // positional names: the file's own names may repeat after cleaning or hold quotes
            cols.append("'c").append(j).append("': 'VARCHAR'");
        }
        cols.append('}');
        int k = header.size();
        List<Integer> sel = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (j < k ? keep.contains(header.get(j)) : keep.contains(header.get(k - 1))) {
                sel.add(j);
            }
        }
        if (sel.isEmpty()) {
            sel.add(0);
        }
        StringBuilder select = new StringBuilder();
        for (int j : sel) {
            select.append(select.length() == 0 ? "" : ", ").append('c').append(j);
        }
        String sql = "SELECT " + select + " FROM read_csv(?, header = true, auto_detect = false, store_rejects = true, columns = "
                + cols + ", " + OPTIONS + ")";
        int capacity = 1024;
        String[][] cells = new String[k][];
        for (int j : sel) {
            cells[Math.min(j, k - 1)] = new String[capacity];
        }
        int n = 0;
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == capacity) {
                        capacity *= 2;
                        for (int j = 0; j < k; j++) {
                            cells[j] = cells[j] == null ? null : Arrays.copyOf(cells[j], capacity);
                        }
                    }
                    for (int q = 0; q < sel.size(); q++) {
                        int j = sel.get(q);
                        String s = rs.getString(q + 1);
                        if (s != null && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
                            throw new DataException(label, n, header.get(Math.min(j, k - 1)), "a quoted cell holds a line break; "
                                    + "the Department's files have none, and line numbers would be wrong");
                        }
                        if (j < k) {
                            cells[j][n] = s;
                        } else if (s != null && !s.isEmpty()) {
                            cells[k - 1][n] = cells[k - 1][n] == null || cells[k - 1][n].isEmpty() ? s : cells[k - 1][n] + ", " + s;
                        }
                    }
                    n++;
                }
            }
        }
        rejected(con, label, header);
        for (int j = 0; j < k; j++) {
            cells[j] = cells[j] == null ? null : Arrays.copyOf(cells[j], n);
        }
        return new RawTable(label, header, cells, n);
    }

    /** The first row DuckDB rejected (too many columns, an unterminated quote, ...) as an error. */
    private static void rejected(Connection con, String label, List<String> header) throws SQLException {
        String sql = "SELECT line, column_idx, error_type, error_message FROM reject_errors ORDER BY line, column_idx LIMIT 1";
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return;
            }
            long line = rs.getLong(1);
            long col = rs.getLong(2);
            String type = rs.getString(3);
            String msg = firstLine(rs.getString(4));
            String column = col >= 1 && col <= header.size() ? header.get((int) col - 1) : "#" + col;
            String rule = "TOO MANY COLUMNS".equals(type)
                    ? "the row is longer than the header (" + header.size() + " columns): " + msg
                    : type.toLowerCase(java.util.Locale.ROOT) + ": " + msg;
            throw new DataException(label, line - 2, column, rule);
        }
    }

    /**
     * DuckDB skips empty lines, so after one the row index no longer gives the line. The file's
     * lines are scanned (not parsed: quoted line breaks are rejected above) and each data row gets
     * the number of the next non-empty line; {@code null} when there is no empty line.
     */
    private static int[] lines(Path file, int rows) {
        int[] out = new int[rows];
        boolean gap = false;
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            r.readLine();
            int line = 1;
            int k = 0;
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isEmpty()) {
                    gap = true;
                } else if (k < rows) {
                    out[k++] = line;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return gap ? out : null;
    }

    /**
     * The row index to hand to {@link DataException} so that its message shows the file line of
     * data row {@code row} (the exception prints line = index + 2).
     */
    int errorRow(int row) {
        return lines == null ? row : lines[row] - 2;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    String label() {
        return label;
    }

    List<String> header() {
        return header;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** Column position, or -1. */
    int column(String name) {
        Integer j = index.get(name);
        return j == null ? -1 : j;
    }

    int rows() {
        return rows;
    }

    /** The raw cell: {@code ""} empty, {@code null} beyond the end of a short row. Only kept columns. */
    String cell(int row, int column) {
        if (cells[column] == null) {
            throw new IllegalStateException(label + ": column " + header.get(column) + " was not kept");
        }
        return cells[column][row];
    }
}
