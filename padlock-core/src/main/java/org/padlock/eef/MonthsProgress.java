package org.padlock.eef;

/**
 * Months' additional progress for an effect size, from the EEF Toolkit conversion table
 * (DOMAIN.md s. 5, version "eef-toolkit-2018"): the effect size is rounded to two decimals
 * (half away from zero) and looked up by its absolute value; a negative effect gives the same
 * number of months, negative.
 */
public final class MonthsProgress {
    /** Upper bounds (inclusive, in hundredths) of 0, 1, 2, ... 11 months; 12 months above the last. */
    private static final int[] UPPER = {1, 9, 18, 26, 35, 44, 52, 61, 69, 78, 87, 95};

    /** The version label of the conversion table, reported with every result. */
    public static final String TABLE_VERSION = "eef-toolkit-2018";

    private MonthsProgress() {
    }

    public static int months(double effectSize) {
        if (Double.isNaN(effectSize)) {
            throw new IllegalArgumentException("effect size must be a number; found NaN");
        }
        long hundredths = new java.math.BigDecimal(Double.toString(Math.abs(effectSize)))
                .setScale(2, java.math.RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        int m = UPPER.length;
        for (int i = 0; i < UPPER.length; i++) {
            if (hundredths <= UPPER[i]) {
                m = i;
                break;
            }
        }
        return effectSize < 0 ? -m : m;
    }
}
