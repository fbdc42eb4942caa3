package org.padlock.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.eef.Attrition;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.PadlockRating;
import org.padlock.eef.Padlocks;
import org.padlock.eef.ParticipantFlow;
import org.padlock.eef.RuleTables;
import org.padlock.power.TestSettings;

/**
 * The evaluation layer of a study run (DESIGN.md): participant flow and attrition
 * ({@link FlowBuilder}), the MDES table ({@link MdesTableBuilder}), the padlock rating from the
 * plan's design label, the MDES of the chosen stage and the measured attrition, and compliance
 * ({@link ComplianceStage}).
 */
final class EvaluationLayer {
    /** The padlock design label when the plan gives none: both designs are matched comparisons. */
    static final String DEFAULT_DESIGN = "well-matched";

    private EvaluationLayer() {
    }

    /** Checks the plan's {@code evaluation} section and on-treatment comparators; every problem is a {@link PlanException}. */
    static void validate(ResolvedPlan rp) {
        EvaluationPlan ev = rp.plan().evaluation();
        for (StudyPlan.OnTreatment ot : rp.plan().onTreatment()) {
            String c = ot.comparators() == null ? "all" : ot.comparators();
            if (!List.of("all", "matched").contains(c)) {
                throw new PlanException(rp.planFile().getFileName() + ": on_treatment[" + ot.name()
                        + "].comparators must be all or matched; found \"" + c + "\"");
            }
            if (c.equals("matched") && rp.match().replace()) {
                throw new PlanException(rp.planFile().getFileName() + ": on_treatment[" + ot.name()
                        + "].comparators: matched needs matching without replacement (matching.replace: false)");
            }
        }
        String at = rp.planFile().getFileName() + ": evaluation";
        try {
            RuleTables.padlocks().design(design(rp));
            test(rp);
            if (ev == null) {
                return;
            }
            if (ev.powerStage() != null && !List.of("recruited", "analysis").contains(ev.powerStage())) {
                throw new IllegalArgumentException("power_stage must be recruited or analysis; found \"" + ev.powerStage() + "\"");
            }
            downgrade(ev.balanceDowngrade(), "balance_downgrade");
            downgrade(ev.validityDowngrade(), "validity_downgrade");
            EvaluationPlan.Protocol p = ev.protocol();
            if (p != null) {
                if (p.schoolsIntervention() < 1 || p.schoolsControl() < 1) {
                    throw new IllegalArgumentException("protocol.schools_intervention and schools_control must be >= 1");
                }
                if (!(p.pupilsPerSchool() > 0)) {
                    throw new IllegalArgumentException("protocol.pupils_per_school must be > 0; found " + p.pupilsPerSchool());
                }
                if (!(p.icc() >= 0 && p.icc() < 1)) {
                    throw new IllegalArgumentException("protocol.icc must be in [0, 1); found " + p.icc());
                }
                if (p.prePostCorrelation() != null && !(Math.abs(p.prePostCorrelation()) < 1)) {
                    throw new IllegalArgumentException("protocol.pre_post_correlation must be in (-1, 1); found "
                            + p.prePostCorrelation());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new PlanException(at + ": " + e.getMessage());
        }
    }

    static Evaluation run(ResolvedPlan rp, StudyInputs in, DesignResult d, FrozenDesign frozen, List<AnalysisRow> rows) {
        List<String> notes = new ArrayList<>();
        ParticipantFlow flow = FlowBuilder.build(rp, in, d, frozen, rows);
        StudyPlan p = rp.plan();
        TextColumn ids = in.schools().text(p.data().schools().id());
        NumericColumn t = in.schools().numeric(p.treatment());
        NumericColumn pool = p.pool() == null ? null : in.schools().numeric(p.pool());
        Set<String> recruited = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (t.get(i) == 1 || pool == null || pool.get(i) == 1) {
                recruited.add(ids.get(i));
            }
        }
        Set<String> analysed = new HashSet<>();
        for (FrozenDesign.Unit u : frozen.units()) {
            if (u.weight() > 0) {
                analysed.add(u.id());
            }
        }
        TestSettings test = test(rp);
        List<MdesStage> mdes = MdesTableBuilder.build(rp, in, test, recruited, analysed);
        EvaluationPlan ev = p.evaluation();
        String stage = ev == null || ev.powerStage() == null ? "recruited" : ev.powerStage();
        double m = mdes.stream().filter(s -> s.stage().equals(stage)).findFirst().map(MdesStage::mdes).orElse(Double.NaN);
        Attrition a = flow.attrition();
        PadlockRating rating = null;
        if (Double.isNaN(m)) {
            notes.add("no padlock rating: the MDES of the " + stage + " stage could not be computed");
        } else if (a == null || Double.isNaN(a.overall())) {
            notes.add("no padlock rating: attrition could not be measured");
        } else {
            rating = Padlocks.rate(design(rp), m, a.overall(), downgrade(ev == null ? null : ev.balanceDowngrade(), "balance_downgrade"),
                    downgrade(ev == null ? null : ev.validityDowngrade(), "validity_downgrade"));
        }
        if (a != null && a.unit().equals("schools")) {
            notes.add("attrition is measured on schools: the study has no pupil records");
        }
        ComplianceSummary compliance = ComplianceStage.classify(rp, in.schools(), null);
        return new Evaluation(flow, mdes, stage, rating, compliance, notes);
    }

    static String design(ResolvedPlan rp) {
        EvaluationPlan ev = rp.plan().evaluation();
        return ev == null || ev.design() == null ? DEFAULT_DESIGN : ev.design();
    }

    private static TestSettings test(ResolvedPlan rp) {
        EvaluationPlan ev = rp.plan().evaluation();
        double alpha = ev == null || ev.alpha() == null ? TestSettings.DEFAULT.alpha() : ev.alpha();
        double power = ev == null || ev.power() == null ? TestSettings.DEFAULT.power() : ev.power();
        return new TestSettings(alpha, power, true);
    }

    private static Padlocks.Downgrade downgrade(EvaluationPlan.Downgrade d, String key) {
        if (d == null) {
            return Padlocks.Downgrade.NONE;
        }
        try {
            return new Padlocks.Downgrade(d.padlocks(), d.reason());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}
