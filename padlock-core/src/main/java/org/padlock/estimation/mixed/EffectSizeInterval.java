package org.padlock.estimation.mixed;

/** A standardised effect size with its standard error and 95% interval {@code g +- 1.96 se}. */
public record EffectSizeInterval(double g, double se, double ciLow, double ciHigh) {
}
