package org.padlock.power;

/**
 * Significance level, target power and sidedness of the test an MDES refers to.
 *
 * @param alpha    type I error rate, in (0, 1)
 * @param power    1 - type II error rate, in (0, 1)
 * @param twoSided whether the test is two-tailed
 */
public record TestSettings(double alpha, double power, boolean twoSided) {
    /** The conventional setting of EEF reports: alpha 0.05, power 0.8, two-sided. */
    public static final TestSettings DEFAULT = new TestSettings(0.05, 0.8, true);

    public TestSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1); found " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1); found " + power);
        }
    }
}
