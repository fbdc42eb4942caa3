package org.padlock.estimation.did;

import org.padlock.inference.CoefficientTest;

/** The event-study coefficient of treated units {@code relativePeriod} periods after first treatment (-1 is the reference). */
public record EventCoefficient(int relativePeriod, CoefficientTest test) {
}
