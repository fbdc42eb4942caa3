package org.padlock.design;

import java.util.Locale;

/** Plain-language reasons why matching produced no matched treated unit, with what to try. */
final class MatchFailure {
    private MatchFailure() {
    }

    /** Why nothing matched: every treated or every control unit discarded, or nothing within the caliper or strata. */
    static String explain(MatchedSample m, MatchSpec spec) {
        int[] t = m.treated();
        boolean[] d = m.discarded();
        int discT = 0;
        int discC = 0;
        for (int i = 0; i < t.length; i++) {
            if (d[i]) {
                if (t[i] == 1) {
                    discT++;
                } else {
                    discC++;
                }
            }
        }
        String rule = "discard " + spec.discard().name().toLowerCase(Locale.ROOT);
        if (discC == m.nControl()) {
            return "every control (" + discC + ") was discarded by " + rule + ": the groups' propensity scores do not"
                    + " overlap; try discard none or treated, or a comparison pool more like the treated units";
        }
        if (discT == m.nTreated()) {
            return "every treated unit (" + discT + ") was discarded by " + rule + ": the groups' propensity scores do not"
                    + " overlap; try discard none or control, or a comparison pool more like the treated units";
        }
        if (spec.method() == MatchSpec.Method.KERNEL) {
            return "no treated unit has a control within the kernel bandwidth " + spec.bandwidth()
                    + "; try a wider bandwidth or the gaussian kernel";
        }
        if (!Double.isNaN(m.caliperWidth())) {
            return "no treated unit has a control within the caliper (width " + String.format(Locale.ROOT, "%.4g", m.caliperWidth())
                    + " in distance units); try a wider caliper";
        }
        return "no treated unit was matched" + (spec.exact().isEmpty() ? "" : ": no exact-matching stratum has both"
                + " treated units and controls; try fewer exact-matching variables");
    }

    /** The range of the propensity score in each group (the partial diagnostic written on failure). */
    static String scoreRanges(MatchedSample m) {
        double[] p = m.pscore();
        int[] t = m.treated();
        double[][] r = {{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}};
        for (int i = 0; i < p.length; i++) {
            r[t[i]][0] = Math.min(r[t[i]][0], p[i]);
            r[t[i]][1] = Math.max(r[t[i]][1], p[i]);
        }
        return String.format(Locale.ROOT, "propensity score range: treated [%.4g, %.4g] (%d units), controls [%.4g, %.4g] (%d units)",
                r[1][0], r[1][1], m.nTreated(), r[0][0], r[0][1], m.nControl());
    }
}
