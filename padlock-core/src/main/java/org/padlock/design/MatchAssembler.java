package org.padlock.design;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns each treated unit's matched controls and their shares into a {@link MatchedSample}: the
 * weights of DOMAIN.md s. 2 (treated 1; a control's weight is the sum, over the treated units it
 * serves, of its share of that unit, which is 1/k for k nearest neighbours, 1/|set| for ties and
 * radius matching and the normalised kernel weight for kernel matching: psmatch2's {@code _weight};
 * MatchIt's convention rescales the control weights to mean 1 over matched controls), the
 * subclasses (matching without replacement) and the carried clusters.
 */
final class MatchAssembler {
    private MatchAssembler() {
    }

    /**
     * @param order   treated units in matching order
     * @param matches per unit index of a treated unit, its controls (null for others)
     * @param shares  per treated unit, each control's share of it (summing to 1)
     * @param count   per treated unit, how many entries of matches/shares are used
     */
    static MatchedSample assemble(List<String> ids, int[] treated, double[] pscore, double[] distance, boolean[] discarded,
                                  List<Integer> order, int[][] matches, double[][] shares, int[] count, String[] clusters,
                                  MatchSpec spec, double width, List<String> diag) {
        int n = ids.size();
        boolean subclasses = !spec.replace() && spec.method() == MatchSpec.Method.NEAREST;
        double[] weight = new double[n];
        String[] subclass = new String[n];
        String[] cluster = new String[n];
        int multi = 0;
        boolean[] multiSeen = new boolean[n];
        int nTreated = 0;
        int nTreatedMatched = 0;
        int nDisc = 0;
        for (int i = 0; i < n; i++) {
            nTreated += treated[i];
            nDisc += discarded[i] ? 1 : 0;
        }
        for (int t : order) {
            if (count[t] == 0) {
                continue;
            }
            nTreatedMatched++;
            weight[t] = 1.0;
            if (clusters != null) {
                cluster[t] = clusters[t];
            }
            if (subclasses) {
                subclass[t] = ids.get(t);
            }
            for (int m = 0; m < count[t]; m++) {
                int c = matches[t][m];
                weight[c] += shares[t][m];
                if (subclasses) {
                    subclass[c] = ids.get(t);
                }
                if (clusters != null) {
                    if (cluster[c] == null) {
                        cluster[c] = clusters[t];
                    } else if (!cluster[c].equals(clusters[t]) && !multiSeen[c]) {
                        multiSeen[c] = true;
                        multi++;
                    }
                }
            }
        }
        int nControl = n - nTreated;
        int nControlMatched = 0;
        double sumW = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] == 0 && weight[i] > 0) {
                nControlMatched++;
                sumW += weight[i];
            }
        }
        if (spec.weights() == MatchSpec.WeightConvention.MATCHIT && sumW > 0) {
            double scale = nControlMatched / sumW;
            for (int i = 0; i < n; i++) {
                if (treated[i] == 0) {
                    weight[i] *= scale;
                }
            }
        }
        List<String> out = new ArrayList<>(diag);
        if (multi > 0) {
            out.add(multi + " controls serve treated units of more than one cluster; each takes the cluster of the"
                    + " first treated unit it was matched to");
        }
        int unmatched = 0;
        for (int t : order) {
            unmatched += count[t] == 0 ? 1 : 0;
        }
        if (unmatched > 0) {
            String where = spec.method() == MatchSpec.Method.KERNEL ? " within the kernel's bandwidth"
                    : Double.isNaN(width) ? "" : " within the caliper";
            out.add(unmatched + " treated units found no control" + where);
        }
        return new MatchedSample(ids, treated, pscore, distance, weight, discarded, subclass, cluster, nTreated, nControl,
                nTreatedMatched, nControlMatched, nDisc, width, multi, out);
    }
}
