package org.padlock.data.dfe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One published layout of a source: recognised by columns it has and columns it lacks.
 *
 * @param year      year of the results ({@code null} for a snapshot such as GIAS)
 * @param present   columns the file must have
 * @param absent    columns the file must not have
 * @param overrides measures that differ from the source's ({@code null} value: not published in this layout)
 * @param origin    where the layout was defined (the shipped mapping or the user's file)
 */
record Layout(Integer year, List<String> present, List<String> absent, Map<String, Measure> overrides, String origin) {
    Layout {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }

    boolean matches(java.util.Set<String> header) {
        for (String c : present) {
            if (!header.contains(c)) {
                return false;
            }
        }
        for (String c : absent) {
            if (header.contains(c)) {
                return false;
            }
        }
        return true;
    }

    /** A short description for error messages. */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(year == null ? "snapshot" : "year " + year);
        parts.add("with " + present);
        if (!absent.isEmpty()) {
            parts.add("without " + absent);
        }
        return String.join(" ", parts) + " (" + origin + ")";
    }
}
