package org.padlock.data.dfe;

import java.util.List;
import java.util.Map;

/**
 * What reading one file did: its layout, how many rows were read and kept, and every missing value
 * of the measures taken from it, by code.
 *
 * @param file            file name
 * @param source          {@code ks2}, {@code ks4}, {@code census}, {@code spine} or {@code gias}
 * @param year            year of the results the layout was recognised as ({@code null} for a snapshot)
 * @param rowsRead        data rows in the file (header excluded)
 * @param schoolRows      rows kept as schools
 * @param aggregateRows   local-authority and national rows dropped
 * @param missingByCode   missing cells of the measures, by code, summed over the measures
 * @param missingByColumn the same by output column
 * @param measuresAbsent  measures of the mapping whose column this file does not have
 */
public record DfeFileSummary(String file, String source, Integer year, int rowsRead, int schoolRows, int aggregateRows,
                             Map<String, Integer> missingByCode, Map<String, Map<String, Integer>> missingByColumn,
                             List<String> measuresAbsent) {
    public DfeFileSummary {
        missingByCode = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingByCode));
        java.util.Map<String, Map<String, Integer>> c = new java.util.LinkedHashMap<>();
        missingByColumn.forEach((k, v) -> c.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
        missingByColumn = java.util.Collections.unmodifiableMap(c);
        measuresAbsent = List.copyOf(measuresAbsent);
    }
}
