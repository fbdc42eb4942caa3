package org.padlock.inference;

import java.util.List;

/**
 * Randomisation inference for a cluster-assigned treatment.
 *
 * @param term             the treatment coefficient
 * @param estimate         its least-squares estimate under the observed assignment
 * @param t                its CR1 t statistic under the observed assignment (clusters = assignment units)
 * @param clusters         number of assignment units G
 * @param treatedClusters  number of treated units G1, kept fixed by every re-assignment
 * @param assignments      number of assignments compared (all {@code choose(G, G1)} when enumerated, else B)
 * @param enumerated       whether every assignment was used once
 * @param seed             seed of the random assignments (unused when enumerated)
 * @param pCoefficient     p-value for the statistic {@code |coefficient|}
 * @param pT               p-value for the statistic {@code |t|}
 * @param diagnostics      notes (enumeration, assignments whose design was singular)
 */
public record RandomisationResult(String term, double estimate, double t, int clusters, int treatedClusters,
                                  long assignments, boolean enumerated, long seed, double pCoefficient, double pT,
                                  List<String> diagnostics) {
    public RandomisationResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
