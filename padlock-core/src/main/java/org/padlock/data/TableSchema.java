package org.padlock.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a study needs from one table and the rules they must follow. Validation happens
 * once, at the boundary, and throws a {@link DataException} naming file, row, column and rule.
 *
 * @param id          identifier column: present, never missing, unique
 * @param binary      columns that must be 0 or 1 (e.g. the treatment)
 * @param numeric     columns that must be numeric (missing allowed)
 * @param present     further columns that must exist (any type)
 */
public record TableSchema(String id, List<String> binary, List<String> numeric, List<String> present) {
    public TableSchema {
        binary = List.copyOf(binary);
        numeric = List.copyOf(numeric);
        present = List.copyOf(present);
    }

    /** Checks the frame; returns it unchanged when valid. */
    public Frame validate(Frame f) {
        if (f.rowCount() == 0) {
            throw new DataException(f.source(), -1, null, "file has a header but no data rows");
        }
        for (String c : all()) {
            if (!f.has(c)) {
                throw new DataException(f.source(), -1, c, "required column is missing; the file has: "
                        + String.join(", ", f.names()));
            }
        }
        if (id != null) {
            TextColumn ids = f.text(id);
            Map<String, Integer> seen = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                String v = ids.get(i);
                if (v == null) {
                    throw new DataException(f.source(), i, id, "identifier must not be missing");
                }
                Integer first = seen.putIfAbsent(v, i);
                if (first != null) {
                    throw new DataException(f.source(), i, id, "duplicate identifier '" + v + "' (first seen at row "
                            + (first + 1) + "); identifiers must be unique");
                }
            }
        }
        for (String c : numeric) {
            f.numeric(c);
        }
        for (String c : binary) {
            Column col = f.column(c);
            for (int i = 0; i < col.size(); i++) {
                if (col instanceof NumericColumn nc && (nc.get(i) == 0.0 || nc.get(i) == 1.0)) {
                    continue; // a number is 0 or 1 as its text is "0" or "1", without formatting it
                }
                String v = col.text(i);
                if (v == null) {
                    throw new DataException(f.source(), i, c, "must be 0 or 1; found a missing value");
                }
                if (!v.equals("0") && !v.equals("1")) {
                    throw new DataException(f.source(), i, c, "must be 0 or 1; found \"" + v + "\"");
                }
            }
        }
        return f;
    }

    private List<String> all() {
        List<String> out = new java.util.ArrayList<>();
        if (id != null) {
            out.add(id);
        }
        out.addAll(binary);
        out.addAll(numeric);
        out.addAll(present);
        return out;
    }

    /**
     * Every value of {@code childKey} in {@code child} must be an identifier of {@code parent}
     * (e.g. each pupil's school must be in the school table).
     */
    public static void requireKeys(Frame child, String childKey, Frame parent, String parentKey) {
        java.util.Set<String> keys = new java.util.HashSet<>(java.util.Arrays.asList(parent.text(parentKey).values()));
        TextColumn c = child.text(childKey);
        for (int i = 0; i < c.size(); i++) {
            String v = c.get(i);
            if (v == null) {
                throw new DataException(child.source(), i, childKey, "key must not be missing");
            }
            if (!keys.contains(v)) {
                throw new DataException(child.source(), i, childKey, "value '" + v + "' has no matching '" + parentKey
                        + "' in " + parent.source() + " (keys must match between tables)");
            }
        }
    }
}
