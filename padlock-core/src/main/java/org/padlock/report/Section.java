package org.padlock.report;

import java.util.List;

/** A report section: paragraphs, tables and figures in order of appearance. */
public record Section(String id, String title, List<String> paragraphs, List<Table> tables, List<Figure> figures) {
    public Section {
        paragraphs = List.copyOf(paragraphs);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
    }
}
