package org.padlock.survey;

/**
 * Respondents of an instrument against the schools sampled (invited). {@code rate} is
 * respondents / sampled, {@code NaN} when the number sampled is unknown (0).
 */
public record ResponseRate(String instrument, String label, int respondents, int sampled) {
    public double rate() {
        return sampled <= 0 ? Double.NaN : (double) respondents / sampled;
    }
}
