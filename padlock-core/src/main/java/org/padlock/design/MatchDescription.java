package org.padlock.design;

import java.util.Locale;

/** Plain-language descriptions of a matching specification for reports. */
public final class MatchDescription {
    private MatchDescription() {
    }

    /** What the nearest neighbours are found on. */
    public static String distanceLabel(MatchSpec m) {
        String ps = m.distance() == MatchSpec.Distance.PS ? "propensity score" : "logit of the propensity score";
        if (m.distance() == MatchSpec.Distance.MAHALANOBIS) {
            return "Mahalanobis distance on " + String.join(", ", m.mahalanobisTerms())
                    + " (covariance pooled within groups, MatchIt)";
        }
        return m.mahvars().isEmpty() ? ps : "Mahalanobis distance on " + String.join(", ", m.mahvars())
                + " among the schools inside the caliper on the " + ps;
    }

    /** A sentence on the method when it is not plain nearest-neighbour matching, else "". */
    public static String methodNote(MatchSpec m) {
        StringBuilder b = new StringBuilder();
        if (m.method() == MatchSpec.Method.KERNEL) {
            b.append(String.format(Locale.ROOT, "Matching method: %s kernel matching (psmatch2) with bandwidth %s: every"
                            + " comparison school contributes to each treated school with a normalised kernel weight;"
                            + " the nearest-neighbour ratio does not apply.",
                    m.kernel().name().toLowerCase(Locale.ROOT), m.bandwidth()));
        } else if (m.method() == MatchSpec.Method.RADIUS) {
            b.append("Matching method: radius matching (psmatch2): every comparison school within the caliper, with equal"
                    + " shares of each treated school; the nearest-neighbour ratio does not apply.");
        }
        if (m.ties()) {
            b.append(b.length() == 0 ? "" : " ").append("Comparison schools tied with the nearest are all kept (psmatch2 ties).");
        }
        if (m.maxReuse() > 0) {
            b.append(b.length() == 0 ? "" : " ").append("A comparison school serves at most ").append(m.maxReuse())
                    .append(" treated schools.");
        }
        return b.toString();
    }
}
