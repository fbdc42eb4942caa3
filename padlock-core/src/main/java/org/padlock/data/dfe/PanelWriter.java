package org.padlock.data.dfe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.padlock.data.Column;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Writes a panel as CSV (UTF-8, no byte-order mark, {@code \n}, RFC 4180 quoting where a cell needs
 * it, missing values as empty cells, numbers in plain decimal notation exactly as read) or as Parquet
 * (through DuckDB: numbers DOUBLE, text VARCHAR), chosen by the file extension. The file is written
 * beside the target and moved into place, so a failure never leaves half a file.
 */
public final class PanelWriter {
    private PanelWriter() {
    }

    /** Writes {@code frame} to {@code out} ({@code .csv} or {@code .parquet}). */
    public static void write(Frame frame, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean parquet = name.endsWith(".parquet");
        if (!parquet && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("--out must end in .csv or .parquet; found " + out.getFileName());
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + out.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (parquet) {
                parquet(frame, tmp);
            } else {
                Files.writeString(tmp, csv(frame), StandardCharsets.UTF_8);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The CSV text of {@code frame}. */
    public static String csv(Frame frame) {
        StringBuilder sb = new StringBuilder(1 << 16);
        var cols = frame.columns();
        for (int j = 0; j < cols.size(); j++) {
            sb.append(j == 0 ? "" : ",").append(quote(cols.get(j).name()));
        }
        sb.append('\n');
        for (int i = 0; i < frame.rowCount(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                Column c = cols.get(j);
                if (c instanceof NumericColumn n) {
                    double v = n.get(i);
                    if (!Double.isNaN(v)) {
                        sb.append(plain(v));
                    }
                } else {
                    String s = ((TextColumn) c).get(i);
                    if (s != null) {
                        sb.append(quote(s));
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Shortest decimal that reads back as {@code v}, never in exponent notation, {@code 107} not {@code 107.0}. */
    static String plain(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void parquet(Frame frame, Path file) {
        try (DuckDBConnection con = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement st = con.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE panel (");
            var cols = frame.columns();
            for (int j = 0; j < cols.size(); j++) {
                ddl.append(j == 0 ? "" : ", ").append('"').append(cols.get(j).name().replace("\"", "\"\"")).append("\" ")
                        .append(cols.get(j) instanceof NumericColumn ? "DOUBLE" : "VARCHAR");
            }
            st.execute(ddl.append(')').toString());
            try (DuckDBAppender app = con.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "panel")) {
                for (int i = 0; i < frame.rowCount(); i++) {
                    app.beginRow();
                    for (Column c : cols) {
                        if (c instanceof NumericColumn n) {
                            if (Double.isNaN(n.get(i))) {
                                app.append((String) null);
                            } else {
                                app.append(n.get(i));
                            }
                        } else {
                            app.append(((TextColumn) c).get(i));
                        }
                    }
                    app.endRow();
                }
            }
            st.execute("COPY panel TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write Parquet " + file + ": " + e.getMessage(), e);
        }
    }
}
