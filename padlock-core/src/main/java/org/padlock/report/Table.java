package org.padlock.report;

import java.util.List;

/** A captioned table with a header row, body rows and footnotes. */
public record Table(String id, String caption, List<String> header, List<List<Cell>> rows, List<String> notes) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }
}
