package org.padlock.eef;

import java.util.ArrayList;
import java.util.List;

/**
 * The EEF security rating (seed 000 Appendix B; DOMAIN.md s. 5): initial score = min(design score,
 * power score from the MDES, attrition score from pupil-level attrition); final = initial minus
 * the downgrades for baseline imbalance and for threats to internal validity, each with a stated
 * reason, floored at 0. The bands come from a {@link PadlockRules} table.
 */
public final class Padlocks {
    private Padlocks() {
    }

    /** A downgrade of {@code padlocks} (>= 0) with its reason (required when padlocks > 0). */
    public record Downgrade(int padlocks, String reason) {
        /** No downgrade. */
        public static final Downgrade NONE = new Downgrade(0, null);

        public Downgrade {
            if (padlocks < 0) {
                throw new IllegalArgumentException("a downgrade must be >= 0 padlocks; found " + padlocks);
            }
            if (padlocks > 0 && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("a downgrade of " + padlocks + " padlock(s) needs a stated reason");
            }
        }
    }

    /** Rates with the bundled rules. */
    public static PadlockRating rate(String design, double mdes, double attrition, Downgrade balance, Downgrade validity) {
        return rate(RuleTables.padlocks(), design, mdes, attrition, balance, validity);
    }

    /**
     * @param design    a design label of the rules (e.g. {@code well-matched})
     * @param mdes      minimum detectable effect size (> 0)
     * @param attrition pupil-level attrition as a fraction in [0, 1]
     */
    public static PadlockRating rate(PadlockRules rules, String design, double mdes, double attrition,
                                     Downgrade balance, Downgrade validity) {
        int d = rules.design(design).score();
        int p = rules.powerScore(mdes);
        int a = rules.attritionScore(attrition);
        int initial = Math.min(d, Math.min(p, a));
        List<String> reasons = new ArrayList<>();
        if (balance.padlocks() > 0) {
            reasons.add("balance (-" + balance.padlocks() + "): " + balance.reason());
        }
        if (validity.padlocks() > 0) {
            reasons.add("validity (-" + validity.padlocks() + "): " + validity.reason());
        }
        int fin = Math.max(0, initial - balance.padlocks() - validity.padlocks());
        return new PadlockRating(fin, d, p, a, initial, balance.padlocks(), validity.padlocks(), reasons, design, mdes,
                attrition, rules.version());
    }
}
