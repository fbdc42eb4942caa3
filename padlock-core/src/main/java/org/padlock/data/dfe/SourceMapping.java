package org.padlock.data.dfe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.DataException;

/**
 * The mapping of one source: key column, which rows are schools, the measures and the layouts.
 *
 * @param key          the school identifier column
 * @param recordType   the record-type column, or {@code null} when the source has none
 * @param schoolTypes  record types of school rows (kept)
 * @param otherTypes   record types of aggregate rows (dropped)
 * @param dropKeys     key values of aggregate rows (dropped)
 * @param measures     stable name to measure, in output order
 * @param layouts      layouts, tried in order (the user's first)
 * @param overflow     the last column, when cells beyond the header are further values of it (GIAS), else {@code null}
 */
record SourceMapping(String key, String recordType, Set<String> schoolTypes, Set<String> otherTypes,
                     Set<String> dropKeys, Map<String, Measure> measures, List<Layout> layouts, String overflow) {
    SourceMapping {
        schoolTypes = Set.copyOf(schoolTypes);
        otherTypes = Set.copyOf(otherTypes);
        dropKeys = Set.copyOf(dropKeys);
        measures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        layouts = List.copyOf(layouts);
    }

    /** This mapping with {@code user}'s measures merged over it and {@code user}'s layouts tried first. */
    SourceMapping overriddenBy(SourceMapping user) {
        Map<String, Measure> m = new LinkedHashMap<>(measures);
        m.putAll(user.measures);
        List<Layout> l = new ArrayList<>(user.layouts);
        l.addAll(layouts);
        return new SourceMapping(user.key != null ? user.key : key,
                user.recordType != null ? user.recordType : recordType,
                user.recordType != null ? user.schoolTypes : schoolTypes,
                user.recordType != null ? user.otherTypes : otherTypes,
                user.dropKeys.isEmpty() ? dropKeys : user.dropKeys, m, l, user.overflow != null ? user.overflow : overflow);
    }

    /**
     * The layout of {@code t}: the first of the user's layouts that matches, else the single shipped
     * layout that matches. No match, or two shipped matches, is an error naming the file.
     */
    Layout layoutOf(String label, List<String> header, String source) {
        Set<String> names = new java.util.HashSet<>(header);
        List<Layout> hits = new ArrayList<>();
        for (Layout l : layouts) {
            if (l.matches(names)) {
                if (l.origin().startsWith("user")) {
                    return l;
                }
                hits.add(l);
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (Layout l : layouts) {
            sb.append("; ").append(l.describe());
        }
        if (hits.isEmpty()) {
            throw new DataException(label, -1, null, "line 1 (header): the header (" + header.size()
                    + " columns, starting " + header.subList(0, Math.min(5, header.size()))
                    + ") matches no known " + source + " layout" + sb
                    + ". Pass --columns MAPPING.yaml with a layout for this file");
        }
        throw new DataException(label, -1, null, "line 1 (header): the header matches several " + source
                + " layouts (" + hits.stream().map(Layout::describe).toList() + "); make their present/absent columns exclusive");
    }

    /** The measures of {@code layout}: the source's with the layout's overrides; absent ones dropped. */
    Map<String, Measure> measuresOf(Layout layout) {
        Map<String, Measure> m = new LinkedHashMap<>(measures);
        for (Map.Entry<String, Measure> e : layout.overrides().entrySet()) {
            if (e.getValue() == null) {
                m.remove(e.getKey());
            } else {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
