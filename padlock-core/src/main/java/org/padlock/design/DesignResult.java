package org.padlock.design;

import java.util.List;
import org.padlock.balance.BalanceTable;

/**
 * Everything the design stage produced: the propensity model, the matched sample, balance before
 * and after, and the units excluded for missing matching data.
 *
 * @param excludedTreated treated units excluded because a matching covariate was missing
 * @param excludedControl controls excluded for the same reason
 */
public record DesignResult(MatchSpec spec, PropensityFit propensity, MatchedSample sample, BalanceTable balance,
                           int excludedTreated, int excludedControl, List<String> excludedIds) {
    public DesignResult {
        excludedIds = List.copyOf(excludedIds);
    }
}
