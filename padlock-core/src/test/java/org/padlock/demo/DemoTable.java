package org.padlock.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A demo CSV read back for the tests (the demo files are never quoted). */
final class DemoTable {
    final List<String> header;
    final List<String[]> rows = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    DemoTable(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        header = List.of(lines.get(0).split(",", -1));
        for (int j = 0; j < header.size(); j++) {
            index.put(header.get(j), j);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new AssertionError(file + ": row with " + cells.length + " cells: " + line);
            }
            rows.add(cells);
        }
    }

    int size() {
        return rows.size();
    }

    String text(int row, String column) {
        Integer j = index.get(column);
        if (j == null) {
            throw new AssertionError("no column " + column + " in " + header);
        }
        return rows.get(row)[j];
    }

    double number(int row, String column) {
        String s = text(row, column);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
