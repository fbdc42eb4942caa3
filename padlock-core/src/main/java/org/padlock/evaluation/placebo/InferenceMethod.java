package org.padlock.evaluation.placebo;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;

/**
 * A named way of turning a fitted difference-in-differences into a two-sided p-value for the
 * treatment coefficient (NaN when it cannot be computed, e.g. one cluster). Plug in more methods
 * (CR2, wild cluster bootstrap, randomisation inference) by passing more instances to
 * {@link PlaceboHarness}.
 *
 * @param name   label in results ({@code cr1})
 * @param pValue the p-value of a fit
 */
public record InferenceMethod(String name, ToDoubleFunction<DidFit> pValue) {
    public InferenceMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pValue, "pValue");
    }

    /**
     * CR1: Stata's {@code vce(cluster)} / sandwich {@code vcovCL(type = "HC1")} with t(G - 1)
     * (Cameron and Miller 2015, J. Human Resources 50(2)), via {@link Covariance}.
     */
    public static InferenceMethod cr1() {
        return new InferenceMethod("cr1", f -> {
            Covariance v = Covariance.of(f.fit(), new CovarianceSpec.Clustered(f.clusters().toArray(String[]::new), true));
            return v.clusters() < 2 ? Double.NaN : v.test(f.fit(), f.term()).pValue();
        });
    }
}
