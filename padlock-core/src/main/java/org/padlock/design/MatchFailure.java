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

    /** The distribution of the propensity score in each group (the partial diagnostic reported on failure). */
    static String scoreRanges(MatchedSample m) {
        return scoreDistribution(m.pscore(), m.treated());
    }

    /** Minimum, quartiles and maximum of the score among treated units and among controls (R's type-7 quantiles). */
    static String scoreDistribution(double[] p, int[] t) {
        StringBuilder b = new StringBuilder("propensity score distribution (min, 25%, median, 75%, max):");
        for (int g = 1; g >= 0; g--) {
            final int gg = g;
            double[] v = java.util.stream.IntStream.range(0, p.length).filter(i -> t[i] == gg).mapToDouble(i -> p[i]).sorted()
                    .toArray();
            b.append(g == 1 ? " treated" : "; controls").append(" (").append(v.length).append(")");
            if (v.length == 0) {
                continue;
            }
            for (double q : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                double h = (v.length - 1) * q;
                int lo = (int) Math.floor(h);
                double x = v[lo] + (h - lo) * (v[Math.min(lo + 1, v.length - 1)] - v[lo]);
                b.append(q == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%.4g", x));
            }
        }
        return b.toString();
    }
}
