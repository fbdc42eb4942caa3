package org.padlock.estimation.did;

import org.padlock.inference.CoefficientTest;

/** The event-study coefficient of treated units {@code relativePeriod} periods after first treatment (-1 is the reference). */
public record EventCoefficient(int relativePeriod, CoefficientTest test) {
    /** The coefficient's test plus its relative period, as JSON fields. */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = test.toJson();
        m.put("relative_period", relativePeriod);
        return m;
    }
}
