package org.padlock.estimation.did;

/** The (weighted) mean outcome of one arm in one period, over {@code n} observations: a point of a trends figure. */
public record TrendPoint(double period, int treated, double mean, int n) {
}
