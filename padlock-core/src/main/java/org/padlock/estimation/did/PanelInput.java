package org.padlock.estimation.did;

import java.util.List;

/**
 * A long panel, one row per unit and period, with no missing values (drop or fill before).
 *
 * @param unit           unit id per row
 * @param period         period per row (any increasing numeric code, e.g. the year)
 * @param y              outcome
 * @param treated        1 for units that are ever treated, 0 for never-treated units (constant within unit)
 * @param weight         weights (positive), or {@code null} for equal weights
 * @param cluster        cluster id per row (e.g. the unit or the partnership)
 * @param covariateNames names of the time-varying covariates
 * @param covariates     covariate columns ({@code covariates[j][i]})
 * @param firstTreated   the period in which treated units are first treated (one of the periods)
 */
public record PanelInput(String[] unit, double[] period, double[] y, double[] treated, double[] weight, String[] cluster,
                         List<String> covariateNames, double[][] covariates, double firstTreated) {
    public PanelInput {
        int n = y.length;
        if (unit.length != n || period.length != n || treated.length != n || cluster.length != n
                || (weight != null && weight.length != n) || covariates.length != covariateNames.size()) {
            throw new IllegalArgumentException("panel columns must have the same length");
        }
        for (double[] c : covariates) {
            if (c.length != n) {
                throw new IllegalArgumentException("panel columns must have the same length");
            }
        }
        covariateNames = List.copyOf(covariateNames);
    }
}
