package org.padlock.inference;

/**
 * A coefficient with its standard error, t statistic, degrees of freedom, two-sided p-value and
 * 95% confidence interval. {@code NaN} where a quantity cannot be estimated (e.g. one cluster).
 */
public record CoefficientTest(String term, double estimate, double stdError, double df, double t, double pValue,
                              double ciLow, double ciHigh) {
}
