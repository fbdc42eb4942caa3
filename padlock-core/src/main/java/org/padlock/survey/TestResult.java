package org.padlock.survey;

/**
 * One hypothesis test: statistic, degrees of freedom ({@code NaN} for exact tests), two-sided
 * p-value, and a note when the test cannot be computed or its approximation is doubtful
 * ({@code ""} otherwise). A test that cannot be computed has {@code NaN} statistic and p-value.
 */
public record TestResult(double statistic, double df, double pValue, String note) {
    static TestResult undefined(String why) {
        return new TestResult(Double.NaN, Double.NaN, Double.NaN, why);
    }
}
