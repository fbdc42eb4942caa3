package org.padlock.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One of the bundled Department for Education CSV files (see {@code dfe/README.md}), read from the
 * classpath. The files have no quoted fields (checked here: a quote is an error), so a line is split
 * on every comma. Handled: the UTF-8 byte-order mark on the first header cell, CRLF line endings,
 * short rows (padded with empty cells), surrounding spaces, {@code 78%} (read as 78), and the
 * Department's codes in place of numbers ({@code SUPP}, {@code NE}, {@code NA}, {@code LOWCOV}, ...;
 * the README lists them), read as missing. Any other non-numeric cell asked for as a number is an
 * error rather than a silent missing value.
 */
final class DfeCsv {
    /** Codes that stand in place of a number (DfE abbreviations sheet 2018-19), and blanks. */
    static final Set<String> MISSING_CODES = Set.of("", "NA", "SUPP", "SUPP*", "NE", "NP", "LOWCOV", "SP", "RE", "NEW", "x");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final String name;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows;

    private DfeCsv(String name, String[] header, List<String[]> rows) {
        this.name = name;
        for (int j = 0; j < header.length; j++) {
            if (columns.put(header[j], j) != null) {
                throw new IllegalStateException(name + ": duplicate column \"" + header[j] + "\"");
            }
        }
        this.rows = rows;
    }

    /** Reads {@code resource} relative to this package (e.g. {@code dfe/wk_ks2_2017.csv}). */
    static DfeCsv resource(String resource) {
        try (InputStream in = DfeCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo data not found on the classpath: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String first = r.readLine();
            if (first == null) {
                throw new IllegalStateException(resource + ": empty file");
            }
            if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
                first = first.substring(1);
            }
            String[] header = split(resource, 1, first);
            List<String[]> rows = new ArrayList<>(24_000);
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(resource, lineNo, line);
                if (cells.length > header.length) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": " + cells.length
                            + " cells; the header has " + header.length);
                }
                if (cells.length < header.length) {
                    String[] padded = new String[header.length];
                    System.arraycopy(cells, 0, padded, 0, cells.length);
                    for (int j = cells.length; j < padded.length; j++) {
                        padded[j] = "";
                    }
                    cells = padded;
                }
                rows.add(cells);
            }
            return new DfeCsv(resource, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled demo data " + resource, e);
        }
    }

    /** Splits on commas; a trailing {@code \r} (CRLF files) is dropped and cells are stripped of spaces. */
    static String[] split(String file, int lineNo, String line) {
        if (line.indexOf('"') >= 0) {
            throw new IllegalStateException(file + " line " + lineNo + ": quoted fields are not expected in the bundled files");
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        String[] cells = line.split(",", -1);
        for (int j = 0; j < cells.length; j++) {
            cells[j] = cells[j].strip();
        }
        return cells;
    }

    int rows() {
        return rows.size();
    }

    private int column(String column) {
        Integer j = columns.get(column);
        if (j == null) {
            throw new IllegalStateException(name + ": no column \"" + column + "\"; columns: " + columns.keySet());
        }
        return j;
    }

    /** The cell as text (stripped; empty when blank). */
    String text(int row, String column) {
        return rows.get(row)[column(column)];
    }

    /** The cell as a number: NaN for a missing code; {@code 78%} is 78. */
    double number(int row, String column) {
        return parse(name, row, column, text(row, column));
    }

    static double parse(String file, int row, String column, String cell) {
        String s = cell.endsWith("%") ? cell.substring(0, cell.length() - 1).strip() : cell;
        if (NUMBER.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        if (MISSING_CODES.contains(s)) {
            return Double.NaN;
        }
        throw new IllegalStateException(file + " data row " + (row + 1) + ", column " + column
                + ": not a number nor a known missing code: \"" + cell + "\"");
    }
}
