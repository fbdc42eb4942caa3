package org.padlock.estimation.did;

import java.util.List;
import org.padlock.inference.CoefficientTest;

/**
 * A difference-in-differences estimate.
 *
 * @param effect           the treatment effect (two periods: coefficient of treatment on post - pre;
 *                         panel: coefficient of treated x post with unit and period fixed effects)
 * @param nObs             observations in the model (units for two periods, unit-periods for a panel)
 * @param nClusters        clusters of the covariance
 * @param nDroppedMissing  observations dropped for a missing outcome
 * @param eventStudy       event-study coefficients by relative period (empty for two periods)
 * @param preTrend         joint test of the pre-period coefficients; {@code null} with fewer than two pre-periods
 * @param trends           mean outcome by period and arm (empty for two periods given as columns)
 * @param dropped          terms dropped as collinear
 * @param diagnostics      notes for the reader
 */
public record DidResult(CoefficientTest effect, int nObs, int nClusters, int nDroppedMissing,
                        List<EventCoefficient> eventStudy, PreTrendTest preTrend, List<TrendPoint> trends,
                        List<String> dropped, List<String> diagnostics) {
    public DidResult {
        eventStudy = List.copyOf(eventStudy);
        trends = List.copyOf(trends);
        dropped = List.copyOf(dropped);
        diagnostics = List.copyOf(diagnostics);
    }
}
