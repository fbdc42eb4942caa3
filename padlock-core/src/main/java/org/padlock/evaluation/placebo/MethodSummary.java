package org.padlock.evaluation.placebo;

/**
 * One inference method on one outcome over the replications.
 *
 * @param outcome       outcome name
 * @param method        inference method name
 * @param replications  draws with a p-value
 * @param rejections    draws with {@code p < alpha}
 * @param rejectionRate {@code rejections / replications}
 * @param mcLow         Wilson 95% interval of the rejection rate, lower end
 * @param mcHigh        upper end
 * @param meanEstimate  mean estimate over the draws (the bias: the true effect is 0)
 * @param sdEstimate    SD of the estimates over the draws
 */
public record MethodSummary(String outcome, String method, int replications, int rejections, double rejectionRate,
                            double mcLow, double mcHigh, double meanEstimate, double sdEstimate) {
}
