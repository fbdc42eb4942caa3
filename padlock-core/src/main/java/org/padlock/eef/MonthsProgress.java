package org.padlock.eef;

/**
 * Months' additional progress for an effect size, from the EEF Toolkit conversion table
 * (DOMAIN.md s. 5), read from the bundled versioned table {@link RuleTables#months()}: the effect size is rounded to two decimals
 * (half away from zero) and looked up by its absolute value; a negative effect gives the same
 * number of months, negative.
 */
public final class MonthsProgress {
    /** The version label of the conversion table, reported with every result. */
    public static final String TABLE_VERSION = RuleTables.months().version();

    private MonthsProgress() {
    }

    /** Signed months of additional progress by the bundled table ({@code months.yaml}). */
    public static int months(double effectSize) {
        return RuleTables.months().months(effectSize);
    }
}
