package org.padlock.evaluation.placebo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placebo run.
 *
 * @param spec        what was run
 * @param panelSchools schools in the national panel
 * @param meanTreated mean number of treated schools matched per draw
 * @param meanClusters mean number of partnerships with a matched school per draw
 * @param summaries   one row per outcome and method
 * @param diagnostics draws that failed and why (each draw at most once)
 * @param methods     name and description of each inference method, in the order run
 */
public record PlaceboResult(PlaceboSpec spec, int panelSchools, double meanTreated, double meanClusters,
                            List<MethodSummary> summaries, List<String> diagnostics, Map<String, String> methods) {
    public PlaceboResult {
        summaries = List.copyOf(summaries);
        diagnostics = List.copyOf(diagnostics);
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }
}
