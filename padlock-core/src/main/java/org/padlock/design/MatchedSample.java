package org.padlock.design;

import java.util.List;

/**
 * The result of matching, one entry per unit of the design input (same order). A unit not used
 * has weight 0. For matching without replacement {@code subclass} is the identifier of the treated
 * unit that defines the unit's matched set; with replacement it is {@code null}.
 *
 * <p>{@code cluster} carries each treated unit's cluster (e.g. partnership) to its controls. A
 * control that serves treated units of several clusters takes the cluster of the first of them in
 * matching order (the documented rule; the count of such controls is {@code multiClusterControls}).
 *
 * @param caliperWidth width of the caliper in distance units ({@code NaN} when none)
 */
public record MatchedSample(List<String> ids, int[] treated, double[] pscore, double[] distance, double[] weight,
                            boolean[] discarded, String[] subclass, String[] cluster, int nTreated, int nControl,
                            int nTreatedMatched, int nControlMatched, int nDiscarded, double caliperWidth,
                            int multiClusterControls, List<String> diagnostics) {
    public MatchedSample {
        ids = List.copyOf(ids);
        treated = treated.clone();
        pscore = pscore.clone();
        distance = distance.clone();
        weight = weight.clone();
        discarded = discarded.clone();
        subclass = subclass.clone();
        cluster = cluster.clone();
        diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public int[] treated() {
        return treated.clone();
    }

    @Override
    public double[] pscore() {
        return pscore.clone();
    }

    @Override
    public double[] distance() {
        return distance.clone();
    }

    @Override
    public double[] weight() {
        return weight.clone();
    }

    @Override
    public boolean[] discarded() {
        return discarded.clone();
    }

    @Override
    public String[] subclass() {
        return subclass.clone();
    }

    @Override
    public String[] cluster() {
        return cluster.clone();
    }

    public int size() {
        return ids.size();
    }
}
