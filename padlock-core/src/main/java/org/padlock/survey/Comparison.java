package org.padlock.survey;

/**
 * One item compared between two groups or instruments (a row of seed 003 Table 25, 26 or 33),
 * with every test and, for the seed's Student's t-test, Welch's t-test and the two-proportion test, p-values
 * adjusted for the whole table of tests (Holm; Benjamini-Hochberg). {@code NaN} before
 * {@link SurveyAnalysis#adjust} or when the test is undefined.
 *
 * @param student         two-tailed Student's t-test on the ratings (don't know excluded), the seed's test
 * @param welch           Welch's t-test on the same ratings
 * @param chiSquare       Pearson chi-square on group x scale point (don't know excluded), no continuity correction
 * @param fisher          Fisher's exact test on group x (agree, not agree), don't know counted as not agree
 * @param prop            two-proportion test of % agree with continuity correction (R's prop.test default)
 * @param propUncorrected the same without continuity correction
 */
public record Comparison(String item, String text, ItemSummary a, ItemSummary b, TestResult student, TestResult welch,
                         TestResult chiSquare, TestResult fisher, TestResult prop, TestResult propUncorrected,
                         double studentHolm, double studentBh, double welchHolm, double welchBh, double propHolm,
                         double propBh) {
    /** A copy with the adjusted p-values set. */
    Comparison adjusted(double sHolm, double sBh, double wHolm, double wBh, double pHolm, double pBh) {
        return new Comparison(item, text, a, b, student, welch, chiSquare, fisher, prop, propUncorrected, sHolm, sBh, wHolm, wBh,
                pHolm, pBh);
    }
}
