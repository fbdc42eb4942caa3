package org.padlock.evaluation.placebo;

import java.util.List;
import org.padlock.data.ModelMatrix;
import org.padlock.estimation.ols.WlsFit;

/**
 * A fitted two-period difference-in-differences on a matched sample: the change {@code post - pre}
 * regressed on an intercept and the treatment indicator with the matching weights. Everything an
 * inference method needs to produce a p-value for the treatment coefficient.
 *
 * @param x        design matrix (intercept, {@code term})
 * @param y        outcome change per row of {@code x}
 * @param weights  matching weights per row
 * @param clusters cluster (partnership) per row; a control carries its treated match's partnership
 * @param treated  0/1 per row
 * @param term     the treatment term's name in {@code fit}
 * @param fit      the weighted least-squares fit
 * @param seed     seed for randomised inference on this fit, derived from the run seed, the draw and the outcome
 */
public record DidFit(ModelMatrix x, double[] y, double[] weights, List<String> clusters, int[] treated, String term, WlsFit fit,
                     long seed) {
    public DidFit {
        y = y.clone();
        weights = weights.clone();
        clusters = List.copyOf(clusters);
        treated = treated.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int[] treated() {
        return treated.clone();
    }

    /** The clusters (partnerships) as an array, one per row. */
    public String[] clusterArray() {
        return clusters.toArray(String[]::new);
    }

    /**
     * The assignment unit of each row for randomisation inference: the partnership and the arm
     * ({@code P001:T} for its treated schools, {@code P001:C} for their matched controls).
     */
    public String[] armArray() {
        String[] out = new String[treated.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = clusters.get(i) + (treated[i] == 1 ? ":T" : ":C");
        }
        return out;
    }

    /** The estimated effect. */
    public double estimate() {
        return fit.coefficient(term);
    }
}
