package org.padlock.study;

import java.util.List;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * The treatment x subgroup interaction test of the primary model: the full sample with two more
 * terms, {@code in_<name> = 1[column == value]} and {@code treatment_x_<name> = treatment x in_<name>};
 * the row reports the interaction coefficient with the plan's covariance (CR1 by default, as
 * {@code lm} + {@code sandwich::vcovCL(type = "HC1")}, t(G-1)). Pupils with a missing subgroup
 * column count as outside the subgroup. If the subgroup column is also a covariate, the redundant
 * indicator is dropped as collinear and the interaction is unaffected.
 */
final class SubgroupInteraction {
    private SubgroupInteraction() {
    }

    static AnalysisRow row(ResolvedPlan rp, Frame data, StudyPlan.Outcome primary, int[] rows, StudyPlan.Subgroup s) {
        TextColumn col = data.text(s.column());
        NumericColumn t = data.numeric(AnalysisStage.TREATMENT);
        int n = data.rowCount();
        double[] in = new double[n];
        double[] ix = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = s.value().equals(col.get(i)) ? 1 : 0;
            ix[i] = in[i] * t.get(i);
        }
        String inName = "in_" + s.name();
        String ixName = "treatment_x_" + s.name();
        Frame d = data.with(new NumericColumn(inName, in)).with(new NumericColumn(ixName, ix));
        return AnalysisStage.estimate(rp, d, primary, rows, "interaction", s.name() + " x treatment",
                List.of("interaction of treatment with " + s.column() + " = " + s.value()
                        + " in the full sample; the effect is the difference between the subgroup's effect and the others'"),
                false, List.of(inName, ixName), ixName);
    }
}
