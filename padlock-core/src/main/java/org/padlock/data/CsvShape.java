package org.padlock.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a CSV file's records as RFC 4180 defines them (fields separated by commas, a double
 * quote opening a quoted field in which a doubled quote stands for itself and commas and line breaks
 * are text), used to explain a file that DuckDB could not read or read with fewer or more columns than
 * its header names: the first record whose number of fields differs from the header's.
 * Only called when something is already wrong, so its single-threaded pass costs nothing otherwise.
 */
final class CsvShape {
    private CsvShape() {
    }

    /** The number of fields of the header (the first record), or -1 for an empty file. */
    static int headerFields(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return next(in);
        }
    }

    /**
     * A {@link DataException} naming the first data row whose number of fields differs from the
     * header's or whose quoted value is never closed, or {@code null} when every record has the header's
     * number of fields (blank lines are not records).
     */
    static DataException raggedRow(String label, Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int header = next(in);
            if (header == UNCLOSED) {
                return new DataException(label, -1, null, "a double quote opened in the header is never closed");
            }
            long row = 0;
            for (int fields = next(in); fields != -1; fields = next(in), row++) {
                if (fields == UNCLOSED) {
                    return new DataException(label, row, null, "a double quote opened in this row is never closed;"
                            + " a quote inside a quoted value must be doubled (\"\")");
                }
                if (fields != header) {
                    return new DataException(label, row, null, "has " + fields + (fields == 1 ? " field" : " fields")
                            + " where the header has " + header + "; every row needs one value per column (an empty"
                            + " value for a missing one), and a value holding a comma must be in double quotes");
                }
            }
            return null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // not readable as UTF-8 text: DuckDB's own message stands
        }
    }

    /** What {@link #next} returns for a record whose quoted field runs to the end of the file. */
    private static final int UNCLOSED = Integer.MIN_VALUE;

    /**
     * Reads one record and returns its number of fields; -1 at the end of the file, {@link #UNCLOSED}
     * when a quoted field runs to the end of the file. Blank lines are not records.
     */
    private static int next(BufferedReader in) throws IOException {
        int c = in.read();
        while (c == '\n' || c == '\r') {
            c = in.read();
        }
        if (c < 0) {
            return -1;
        }
        int fields = 1;
        boolean quoted = false;
        for (; c >= 0; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() != '"') {
                        quoted = false; // the closing quote; a doubled one is a quote in the text
                        in.reset();
                    }
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields++;
            } else if (c == '\n' || c == '\r') {
                return fields;
            }
        }
        return quoted ? UNCLOSED : fields;
    }
}
