package org.padlock.design;

import java.util.List;
import java.util.Locale;

/**
 * A matching specification. Defaults ({@link #defaults()}) follow MatchIt 4.7, as the
 * command-line contract requires: logit propensity score as the distance, 1:1 without
 * replacement, no caliper, caliper in SD units of the distance, no discard, largest score first,
 * MatchIt's weights.
 *
 * @param covariates    propensity-model terms: columns, powers {@code I(x^2)} and interactions
 *                      {@code a:b} ({@link org.padlock.data.ModelTerms})
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
 * @param method        nearest neighbour, kernel or radius matching
 * @param mahvars       covariates for a Mahalanobis distance inside the propensity caliper (MatchIt's
 *                      {@code mahvars}); empty for none. With {@code distance = MAHALANOBIS} an empty list
 *                      means all covariates (MatchIt's {@code distance = "mahalanobis"})
 * @param kernel        kernel for {@code method = KERNEL}
 * @param bandwidth     kernel bandwidth in distance units (psmatch2's default 0.06)
 * @param ties          psmatch2's {@code ties}: with replacement, also keep every control exactly as far
 *                      as the k-th nearest; the treated unit's weight is shared equally among them
 * @param maxReuse      with replacement, the most treated units one control may serve (MatchIt's
 *                      {@code reuse.max}); 0 for no limit
 *
 * <p>Order {@code RANDOM} shuffles the treated units with {@link java.util.Random} seeded by
 * {@code seed} (Fisher-Yates, as {@link java.util.Collections#shuffle(List, java.util.Random)}):
 * deterministic for a seed, but it cannot reproduce R's or Stata's random orders. With a
 * Mahalanobis distance, {@code LARGEST} and {@code SMALLEST} order treated units by their
 * propensity score (MatchIt allows only data or random order there; the CLI defaults to data order).
 */
public record MatchSpec(List<String> covariates, List<String> factors, List<String> exact, Link link, Distance distance,
                        int ratio, boolean replace, double caliper, CaliperScale caliperScale, Discard discard,
                        Order order, long seed, WeightConvention weights, Method method, List<String> mahvars,
                        Kernel kernel, double bandwidth, boolean ties, int maxReuse) {
    /** psmatch2's default kernel bandwidth. */
    public static final double DEFAULT_BANDWIDTH = 0.06;

    public MatchSpec {
        covariates = List.copyOf(covariates);
        factors = List.copyOf(factors);
        exact = List.copyOf(exact);
        org.padlock.data.ModelTerms.columns(covariates);
        method = method == null ? Method.NEAREST : method;
        mahvars = mahvars == null ? List.of() : List.copyOf(mahvars);
        org.padlock.data.ModelTerms.columns(mahvars);
        kernel = kernel == null ? Kernel.EPANECHNIKOV : kernel;
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0; found " + bandwidth);
        }
        if (maxReuse < 0) {
            throw new IllegalArgumentException("max-reuse must be >= 0 (0 = no limit); found " + maxReuse);
        }
        if (ties && !replace && method == Method.NEAREST) {
            throw new IllegalArgumentException("ties needs matching with replacement: without it a tied control could serve"
                    + " only one of the treated units it is tied for");
        }
        if (maxReuse > 0 && !replace) {
            throw new IllegalArgumentException("max-reuse limits matching with replacement; add replace");
        }
        if (method == Method.RADIUS && Double.isNaN(caliper)) {
            throw new IllegalArgumentException("radius matching needs a caliper (the radius)");
        }
        if (method != Method.NEAREST && distance == Distance.MAHALANOBIS) {
            throw new IllegalArgumentException(method.name().toLowerCase(Locale.ROOT)
                    + " matching works on a propensity distance (ps or logit-ps), not mahalanobis");
        }
        if (method == Method.KERNEL && !Double.isNaN(caliper)) {
            throw new IllegalArgumentException("kernel matching is limited by its bandwidth, not a caliper; drop the caliper"
                    + " or use radius matching");
        }
        if (method != Method.NEAREST && (ties || maxReuse > 0 || !mahvars.isEmpty())) {
            throw new IllegalArgumentException("ties, max-reuse and mahvars apply to nearest-neighbour matching only");
        }
        if (distance == Distance.MAHALANOBIS && discard != Discard.NONE) {
            throw new IllegalArgumentException("discard needs a propensity distance; with distance mahalanobis use"
                    + " distance ps with mahvars instead");
        }
        if (distance == Distance.MAHALANOBIS && !Double.isNaN(caliper)) {
            throw new IllegalArgumentException("a caliper applies to the propensity score: use distance ps (or logit-ps)"
                    + " with mahvars for Mahalanobis matching inside a propensity caliper");
        }
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

    /** Nearest-neighbour matching without the Mahalanobis, kernel, ties and reuse options (the original form). */
    public MatchSpec(List<String> covariates, List<String> factors, List<String> exact, Link link, Distance distance,
                     int ratio, boolean replace, double caliper, CaliperScale caliperScale, Discard discard,
                     Order order, long seed, WeightConvention weights) {
        this(covariates, factors, exact, link, distance, ratio, replace, caliper, caliperScale, discard, order, seed,
                weights, Method.NEAREST, List.of(), Kernel.EPANECHNIKOV, DEFAULT_BANDWIDTH, false, 0);
    }

    /** MatchIt 4.7's defaults for the given covariates. */
    public static MatchSpec defaults(List<String> covariates) {
        return new MatchSpec(covariates, List.of(), List.of(), Link.LOGIT, Distance.PS, 1, false, Double.NaN,
                CaliperScale.SD, Discard.NONE, Order.LARGEST, 0L, WeightConvention.MATCHIT);
    }

    /** This specification with the given method options. */
    public MatchSpec withMethod(Method m, List<String> mahalanobisVars, Kernel k, double bw, boolean keepTies, int reuse) {
        return new MatchSpec(covariates, factors, exact, link, distance, ratio, replace, caliper, caliperScale, discard,
                order, seed, weights, m, mahalanobisVars, k, bw, keepTies, reuse);
    }

    /** The terms of the Mahalanobis distance: {@code mahvars}, or all covariates for {@code distance = MAHALANOBIS}. */
    public List<String> mahalanobisTerms() {
        return !mahvars.isEmpty() || distance != Distance.MAHALANOBIS ? mahvars : covariates;
    }

    /** The data columns the Mahalanobis terms read. */
    public List<String> mahvarColumns() {
        return org.padlock.data.ModelTerms.columns(mahalanobisTerms());
    }

    /** Whether a Mahalanobis distance decides the matches. */
    public boolean usesMahalanobis() {
        return !mahalanobisTerms().isEmpty();
    }

    /** Matching method. */
    public enum Method {
        /** Greedy k:1 nearest neighbour (MatchIt {@code method = "nearest"}, psmatch2 {@code neighbor(k)}). */
        NEAREST,
        /** Kernel matching (psmatch2 {@code kernel}). */
        KERNEL,
        /** Radius matching: every control within the caliper (psmatch2 {@code radius caliper()}). */
        RADIUS
    }

    /** Kernel for kernel matching (psmatch2 {@code kerneltype()}). */
    public enum Kernel {
        /** K(u) = 3/4 (1 - u^2) for |u| < 1, else 0 (psmatch2's default {@code epan}). */
        EPANECHNIKOV,
        /** K(u) = exp(-u^2 / 2), every control (psmatch2 {@code normal}). */
        GAUSSIAN
    }

    /** What units are matched on. */
    public enum Distance {
        /** The propensity score. */
        PS,
        /** The linear predictor (logit of the score for a logit model). */
        LOGIT_PS,
        /** Mahalanobis distance on the covariates (MatchIt {@code distance = "mahalanobis"}). */
        MAHALANOBIS;

        public String label() {
            return this == PS ? "ps" : this == LOGIT_PS ? "logit-ps" : "mahalanobis";
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
