package org.padlock.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The study's embedded DuckDB store (one file per study output, {@code padlock.duckdb}): the
 * validated input tables and the matched sample, for users who want to query them with SQL.
 * Written to a temporary file and moved into place, so a failed run never leaves half a store.
 */
public final class Store implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final DuckDBConnection con;

    private Store(Path target, Path temp, DuckDBConnection con) {
        this.target = target;
        this.temp = temp;
        this.con = con;
    }

    /** Opens a new store that will replace {@code target} on {@link #commit()}. */
    public static Store create(Path target) {
        try {
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".wal"));
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + temp.toAbsolutePath());
            return new Store(target, temp, (DuckDBConnection) c);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot create DuckDB store " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a frame as a table: numeric columns as DOUBLE, text columns as VARCHAR. */
    public void write(String table, Frame frame) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE \"").append(table).append("\" (");
        int j = 0;
        for (Column c : frame.columns()) {
            if (j++ > 0) {
                ddl.append(", ");
            }
            ddl.append('"').append(c.name().replace("\"", "\"\"")).append("\" ")
                    .append(c instanceof NumericColumn ? "DOUBLE" : "VARCHAR");
        }
        ddl.append(')');
        try (Statement st = con.createStatement()) {
            st.execute(ddl.toString());
            try (DuckDBAppender app = con.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                var cols = frame.columns();
                for (int i = 0; i < frame.rowCount(); i++) {
                    app.beginRow();
                    for (Column c : cols) {
                        if (c instanceof NumericColumn n) {
                            double v = n.get(i);
                            if (Double.isNaN(v)) {
                                app.append((String) null);
                            } else {
                                app.append(v);
                            }
                        } else {
                            app.append(((TextColumn) c).get(i));
                        }
                    }
                    app.endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Closes the database and moves it into place. */
    public void commit() {
        try {
            try (Statement st = con.createStatement()) {
                st.execute("CHECKPOINT");
            }
            con.close();
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot finish DuckDB store " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (!con.isClosed()) {
                con.close();
                Files.deleteIfExists(temp);
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".wal"));
            }
        } catch (SQLException | java.io.IOException e) {
            // nothing to keep: the temporary store is discarded
        }
    }
}
