package org.padlock.evaluation.placebo;

import java.util.Objects;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.RandomisationInference;
import org.padlock.inference.RandomisationResult;
import org.padlock.inference.WildClusterBootstrap;

/**
 * A named way of turning a fitted difference-in-differences into a two-sided p-value for the
 * treatment coefficient (NaN when it cannot be computed, e.g. one cluster). Plug in more methods by
 * passing more instances to {@link PlaceboHarness}; the factories below are the ones the placebo
 * study reports. Randomised methods take their seed from {@link DidFit#seed()}, which the harness
 * derives from the run seed, the draw and the outcome, so a method's p-values do not depend on which
 * other methods run or in what order.
 *
 * @param name        label in results ({@code cr1})
 * @param description what the method is, with its settings (recorded in the results)
 * @param pValue      the p-value of a fit
 */
public record InferenceMethod(String name, String description, ToDoubleFunction<DidFit> pValue) {
    public InferenceMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pValue, "pValue");
    }

    /** A method without a description (the name stands for it). */
    public InferenceMethod(String name, ToDoubleFunction<DidFit> pValue) {
        this(name, name, pValue);
    }

    /**
     * CR1: Stata's {@code vce(cluster)} / sandwich {@code vcovCL(type = "HC1")} with t(G - 1)
     * (Cameron and Miller 2015, J. Human Resources 50(2)), via {@link Covariance}.
     */
    public static InferenceMethod cr1() {
        return new InferenceMethod("cr1", "CR1 (HC1 small-sample factor) clustered by partnership, t(G - 1)", f -> {
            Covariance v = Covariance.of(f.fit(), new CovarianceSpec.Clustered(f.clusterArray(), true));
            return v.clusters() < 2 ? Double.NaN : v.test(f.fit(), f.term()).pValue();
        });
    }

    /**
     * CR2 (Bell and McCaffrey 2002; Pustejovsky and Tipton 2018, JBES 36(4)) clustered by partnership
     * with Satterthwaite degrees of freedom, as clubSandwich {@code vcovCR(type = "CR2")} +
     * {@code coef_test(test = "Satterthwaite")}, via {@link Cr2Covariance} (target matrix I, the
     * clubSandwich default for a weighted fit).
     */
    public static InferenceMethod cr2() {
        return new InferenceMethod("cr2", "CR2 clustered by partnership, Satterthwaite df (clubSandwich default target)", f -> {
            Cr2Covariance v = Cr2Covariance.of(f.fit(), f.clusterArray(), false);
            return v.clusters() < 2 ? Double.NaN : v.test(f.fit(), f.term()).pValue();
        });
    }

    /**
     * The restricted wild cluster bootstrap by partnership ({@link WildClusterBootstrap}: null imposed,
     * CR1 t, boottest's p-value without +1), all {@code support^G} weight vectors when that is at most
     * {@code reps}, else {@code reps} seeded draws. With Rademacher weights and G clusters there are only
     * {@code 2^(G-1)} distinct {@code |t*|} so {@code p >= 2 / 2^G}: with 5 clusters p is never below
     * 1/16 and the test cannot reject at 5%. Webb's six-point weights (Webb 2014) give {@code 6^G}
     * vectors and are the choice for few clusters (MacKinnon and Webb 2017, J. Applied Econometrics
     * 32(2)); the study reports both.
     *
     * @param reps    B, the random draws when the weight vectors are too many to enumerate
     * @param weights Rademacher or Webb
     */
    public static InferenceMethod wild(int reps, BootstrapWeights weights) {
        if (reps < 1) {
            throw new IllegalArgumentException("bootstrap replications must be >= 1; found " + reps);
        }
        return new InferenceMethod("wild_" + weights.label(),
                "restricted wild cluster bootstrap by partnership, " + weights.label() + " weights, CR1 t, B = " + reps
                        + " (all weight vectors when support^G <= B)",
                f -> WildClusterBootstrap.test(f.fit(), f.clusterArray(), f.term(), reps, f.seed(), weights).pValue());
    }

    /**
     * Randomisation inference ({@link RandomisationInference}): the pseudo-treatment is re-assigned to
     * whole assignment units, keeping the number treated. In the matched sample a partnership holds its
     * treated schools and their matched controls, so treatment is not constant within a partnership; the
     * assignment units are the two arms of each partnership (its treated schools; its controls), G = 2P
     * units of which P are treated. Every one of the {@code choose(2P, P)} assignments is used when there
     * are at most {@code reps} (exact p), else {@code reps} seeded random ones with {@code p = (1 + #) / (B
     * + 1)}.
     *
     * @param reps      B
     * @param statistic {@code t} (the |CR1 t| clustered by assignment unit) or {@code coef} (the |coefficient|)
     */
    public static InferenceMethod randomisation(int reps, String statistic) {
        return randomisation(reps, statistic, run(reps));
    }

    /**
     * Both randomisation methods, {@code ri_t} and {@code ri_coef} (as {@link #randomisation(int, String)}),
     * sharing one run of the test per fit: the test yields both p-values, and each run re-fits the model
     * for every assignment.
     */
    public static List<InferenceMethod> randomisation(int reps) {
        java.util.function.Function<DidFit, RandomisationResult> test = run(reps);
        java.util.function.Function<DidFit, RandomisationResult> once = new java.util.function.Function<>() {
            private DidFit last;
            private RandomisationResult result;

            @Override
            public synchronized RandomisationResult apply(DidFit f) {
                if (f != last) {
                    result = test.apply(f);
                    last = f;
                }
                return result;
            }
        };
        return List.of(randomisation(reps, "t", once), randomisation(reps, "coef", once));
    }

    private static java.util.function.Function<DidFit, RandomisationResult> run(int reps) {
        if (reps < 1) {
            throw new IllegalArgumentException("randomisation replications must be >= 1; found " + reps);
        }
        return f -> RandomisationInference.test(f.fit(), f.term(), f.armArray(), reps, f.seed());
    }

    private static InferenceMethod randomisation(int reps, String statistic,
                                                 java.util.function.Function<DidFit, RandomisationResult> test) {
        boolean t = switch (statistic) {
            case "t" -> true;
            case "coef" -> false;
            default -> throw new IllegalArgumentException("randomisation statistic is t or coef; found " + statistic);
        };
        return new InferenceMethod("ri_" + statistic,
                "randomisation inference re-assigning treatment among the partnership arms (treated schools; their controls),"
                        + " statistic |" + (t ? "CR1 t" : "coefficient") + "|, B = " + reps + " (all assignments when choose(2P, P) <= B)",
                f -> {
                    RandomisationResult r = test.apply(f);
                    return t ? r.pT() : r.pCoefficient();
                });
    }
}
