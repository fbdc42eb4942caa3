package org.padlock.evaluation.placebo;

import java.util.List;

/**
 * The placebo run.
 *
 * @param spec        what was run
 * @param panelSchools schools in the national panel
 * @param meanTreated mean number of treated schools matched per draw
 * @param meanClusters mean number of partnerships with a matched school per draw
 * @param summaries   one row per outcome and method
 * @param diagnostics draws that failed and why (each draw at most once)
 */
public record PlaceboResult(PlaceboSpec spec, int panelSchools, double meanTreated, double meanClusters,
                            List<MethodSummary> summaries, List<String> diagnostics) {
    public PlaceboResult {
        summaries = List.copyOf(summaries);
        diagnostics = List.copyOf(diagnostics);
    }
}
