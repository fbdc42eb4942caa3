package org.padlock.estimation.did;

import java.util.List;
import org.padlock.inference.BootstrapWeights;

/**
 * How a difference-in-differences estimate is tested.
 *
 * <ul>
 *   <li>{@code cr1}: CR1 (Stata {@code vce(cluster)}), t(G - 1);</li>
 *   <li>{@code cr2}: CR2 with Satterthwaite degrees of freedom per coefficient (clubSandwich
 *       {@code vcovCR(type = "CR2")} + {@code coef_test(test = "Satterthwaite")}, Pustejovsky and
 *       Tipton 2018, JBES 36(4)); the joint pre-trend test uses the CR2 covariance with the naive
 *       F(q, G - 1) (clubSandwich {@code Wald_test(test = "Naive-F")}), not the HTZ test;</li>
 *   <li>{@code wild}: restricted wild cluster bootstrap p-value and interval per coefficient
 *       ({@link org.padlock.inference.WildClusterBootstrap}, {@code bootstrapReps} draws with
 *       {@code seed}); the joint pre-trend test stays the CR1 F (there is no joint bootstrap test).</li>
 * </ul>
 *
 * @param se            cr1, cr2 or wild
 * @param bootstrapReps wild bootstrap draws B (at least 1)
 * @param seed          seed of the bootstrap draws
 * @param weights       bootstrap weight distribution
 */
public record DidInference(String se, int bootstrapReps, long seed, BootstrapWeights weights) {
    /** CR1, the default. */
    public static final DidInference CR1 = new DidInference("cr1", 9999, 20260101L, BootstrapWeights.RADEMACHER);

    public DidInference {
        if (!List.of("cr1", "cr2", "wild").contains(se)) {
            throw new IllegalArgumentException("se must be cr1, cr2 or wild for did; found " + se);
        }
        if (bootstrapReps < 1) {
            throw new IllegalArgumentException("bootstrap reps must be at least 1; found " + bootstrapReps);
        }
        if (weights == null) {
            throw new IllegalArgumentException("bootstrap weights must be given");
        }
    }
}
