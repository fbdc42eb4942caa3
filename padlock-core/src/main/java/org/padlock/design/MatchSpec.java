package org.padlock.design;

import java.util.List;
import java.util.Locale;

/**
 * A matching specification. Defaults ({@link #defaults()}) follow MatchIt 4.7, as the
 * command-line contract requires: logit propensity score as the distance, 1:1 without
 * replacement, no caliper, caliper in SD units of the distance, no discard, largest score first,
 * MatchIt's weights.
 *
 * @param covariates    propensity-model covariates
 * @param factors       covariates to treat as categorical
 * @param exact         columns to match exactly on (strata)
 * @param link          propensity model
 * @param distance      what is matched on
 * @param ratio         controls per treated unit (k)
 * @param replace       whether a control may serve several treated units
 * @param caliper       caliper width ({@code NaN}: none)
 * @param caliperScale  whether the caliper is in SD units of the distance or raw distance units
 * @param discard       common-support rule
 * @param order         order in which treated units choose controls
 * @param seed          seed for {@code order = RANDOM}
 * @param weights       weight convention for controls
 */
public record MatchSpec(List<String> covariates, List<String> factors, List<String> exact, Link link, Distance distance,
                        int ratio, boolean replace, double caliper, CaliperScale caliperScale, Discard discard,
                        Order order, long seed, WeightConvention weights) {
    public MatchSpec {
        covariates = List.copyOf(covariates);
        factors = List.copyOf(factors);
        exact = List.copyOf(exact);
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("matching needs at least one covariate; found none");
        }
        if (ratio < 1) {
            throw new IllegalArgumentException("ratio must be >= 1; found " + ratio);
        }
        if (!Double.isNaN(caliper) && !(caliper > 0)) {
            throw new IllegalArgumentException("caliper must be > 0; found " + caliper);
        }
    }

    /** MatchIt 4.7's defaults for the given covariates. */
    public static MatchSpec defaults(List<String> covariates) {
        return new MatchSpec(covariates, List.of(), List.of(), Link.LOGIT, Distance.PS, 1, false, Double.NaN,
                CaliperScale.SD, Discard.NONE, Order.LARGEST, 0L, WeightConvention.MATCHIT);
    }

    /** What units are matched on. */
    public enum Distance {
        /** The propensity score. */
        PS,
        /** The linear predictor (logit of the score for a logit model). */
        LOGIT_PS;

        public String label() {
            return this == PS ? "ps" : "logit-ps";
        }
    }

    /** Units of the caliper. */
    public enum CaliperScale {
        /** Multiples of the SD of the distance over units not discarded (MatchIt {@code std.caliper = TRUE}). */
        SD,
        /** Raw distance units (psmatch2). */
        RAW
    }

    /** Common-support rule (MatchIt {@code discard}). */
    public enum Discard {
        NONE, TREATED, CONTROL, BOTH
    }

    /** Matching order of treated units. */
    public enum Order {
        LARGEST, SMALLEST, DATA, RANDOM
    }

    /** Control-weight convention. */
    public enum WeightConvention {
        /** Sum of 1/k over the treated units served, rescaled to mean 1 over matched controls. */
        MATCHIT,
        /** psmatch2's {@code _weight}: the unscaled sum of 1/k. */
        PSMATCH2
    }

    /** Parses a command-line or plan value of an enum ({@code logit-ps}, {@code largest}, ...). */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('+', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : "|").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(what + " must be one of " + allowed + "; found \"" + value + "\"");
    }
}
