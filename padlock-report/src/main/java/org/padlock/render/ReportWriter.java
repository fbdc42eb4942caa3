package org.padlock.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.padlock.data.Json;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;
import org.padlock.study.StudyResult;

/**
 * Writes a study's outputs into a folder: {@code results.json} (canonical, byte-identical for
 * the same inputs), {@code manifest.json} (times and environment), the report as
 * {@code report.html}, {@code report.md} and {@code report.docx}, and every report table and
 * figure's data as CSV and JSON under {@code tables/} ({@code report-<id>.csv/.json},
 * {@code figure-<id>.csv/.json}), all from the one disclosed report model. Each file is written
 * atomically.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(StudyResult r, Path dir) {
        Json.writeAtomically(dir.resolve("results.json"), Json.write(r.results()));
        Json.writeAtomically(dir.resolve("manifest.json"), Json.write(r.manifest()));
        for (Map.Entry<String, List<List<String>>> e : r.tables().entrySet()) {
            Json.writeAtomically(dir.resolve("tables").resolve(e.getKey()), csv(e.getValue()));
        }
        writeReport(r.report(), dir);
    }

    /** The report in every format, and its tables and figure data as CSV and JSON. */
    public static void writeReport(ReportModel m, Path dir) {
        if (!m.disclosureApplied()) {
            throw new IllegalStateException("the report model has not passed disclosure control");
        }
        Json.writeAtomically(dir.resolve("report.html"), HtmlRenderer.render(m));
        Json.writeAtomically(dir.resolve("report.md"), MarkdownRenderer.render(m));
        writeBytesAtomically(dir.resolve("report.docx"), DocxRenderer.render(m));
        Path tables = dir.resolve("tables");
        for (Section s : m.sections()) {
            for (Table t : s.tables()) {
                Json.writeAtomically(tables.resolve("report-" + t.id() + ".csv"), csv(t));
                Json.writeAtomically(tables.resolve("report-" + t.id() + ".json"), Json.write(json(m, t)));
            }
            for (Figure f : s.figures()) {
                Table t = m.figureTable(f);
                Json.writeAtomically(tables.resolve("figure-" + f.id() + ".csv"), csv(t));
                Map<String, Object> j = json(m, t);
                j.put("alt", f.alt());
                Json.writeAtomically(tables.resolve("figure-" + f.id() + ".json"), Json.write(j));
            }
        }
    }

    /**
     * A table as JSON: caption, header, rows (numbers as numbers, text as strings, a suppressed
     * cell as the string {@code "suppressed"}, a missing number as null), notes and the rule.
     */
    static Map<String, Object> json(ReportModel m, Table t) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", t.id());
        j.put("caption", t.caption());
        j.put("header", t.header());
        List<List<Object>> rows = new ArrayList<>();
        for (List<Cell> r : t.rows()) {
            List<Object> row = new ArrayList<>();
            for (Cell c : r) {
                if (c.suppressed()) {
                    row.add(ReportModel.SUPPRESSED);
                } else if (c.isText()) {
                    row.add(c.text());
                } else if (Double.isNaN(c.value())) {
                    row.add(null);
                } else if (Double.isInfinite(c.value())) {
                    row.add(c.value() > 0 ? "Inf" : "-Inf");   // e.g. an unbounded test-inversion interval
                } else {
                    row.add(new java.math.BigDecimal(HtmlRenderer.plain(c)));
                }
            }
            rows.add(row);
        }
        j.put("rows", rows);
        j.put("notes", t.notes());
        j.put("disclosure", m.disclosureRule());
        return j;
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

    private static void writeBytesAtomically(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
