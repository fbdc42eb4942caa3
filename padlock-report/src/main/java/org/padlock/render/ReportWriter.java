package org.padlock.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.padlock.data.Json;
import org.padlock.report.Cell;
import org.padlock.report.Section;
import org.padlock.report.Table;
import org.padlock.study.StudyResult;

/**
 * Writes a study's outputs into a folder: {@code results.json} (canonical, byte-identical for
 * the same inputs), {@code manifest.json} (times and environment), {@code report.html}, and the
 * CSV tables under {@code tables/}. Each file is written atomically.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(StudyResult r, Path dir) {
        Json.writeAtomically(dir.resolve("results.json"), Json.write(r.results()));
        Json.writeAtomically(dir.resolve("manifest.json"), Json.write(r.manifest()));
        Json.writeAtomically(dir.resolve("report.html"), HtmlRenderer.render(r.report()));
        for (Map.Entry<String, List<List<String>>> e : r.tables().entrySet()) {
            Json.writeAtomically(dir.resolve("tables").resolve(e.getKey()), csv(e.getValue()));
        }
        for (Section s : r.report().sections()) {
            for (Table t : s.tables()) {
                Json.writeAtomically(dir.resolve("tables").resolve("report-" + t.id() + ".csv"), csv(t));
            }
        }
    }

    static String csv(Table t) {
        StringBuilder b = new StringBuilder();
        line(b, t.header());
        for (List<Cell> row : t.rows()) {
            line(b, row.stream().map(HtmlRenderer::plain).toList());
        }
        return b.toString();
    }

    static String csv(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            line(b, r);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int j = 0; j < cells.size(); j++) {
            String v = cells.get(j) == null ? "" : cells.get(j);
            if (j > 0) {
                b.append(',');
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        b.append('\n');
    }

    /** Creates the folder if needed. */
    public static void ensureDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
