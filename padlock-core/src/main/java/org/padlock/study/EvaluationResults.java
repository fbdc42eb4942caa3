package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import org.padlock.eef.Attrition;
import org.padlock.eef.ParticipantFlow;

/**
 * Disclosure control for the evaluation layer in {@code results.json} (DOMAIN.md s. 9): pupil counts
 * below the threshold become {@value #SUPPRESSED}; the attrition block is dropped (with a note) when
 * any of its pupil counts is below the threshold. -1 keeps meaning "no pupil records".
 */
final class EvaluationResults {
    /** A pupil count hidden by disclosure control (as {@code Figure.Flow.SUPPRESSED}). */
    static final int SUPPRESSED = -2;

    private EvaluationResults() {
    }

    static Evaluation disclosed(Evaluation ev, int threshold) {
        List<ParticipantFlow.Step> steps = new ArrayList<>();
        for (ParticipantFlow.Step s : ev.flow().steps()) {
            steps.add(new ParticipantFlow.Step(s.kind(), s.label(), s.schoolsIntervention(), s.schoolsComparison(),
                    hide(s.pupilsIntervention(), threshold), hide(s.pupilsComparison(), threshold)));
        }
        Attrition a = ev.flow().attrition();
        List<String> notes = new ArrayList<>(ev.notes());
        if (a != null && a.unit().equals("pupils") && (small(a.allocatedIntervention(), threshold)
                || small(a.allocatedComparison(), threshold) || small(a.analysedIntervention(), threshold)
                || small(a.analysedComparison(), threshold))) {
            a = null;
            notes.add("attrition suppressed: a pupil count is below " + threshold);
        }
        List<MdesStage> mdes = new ArrayList<>();
        for (MdesStage m : ev.mdes()) {
            mdes.add(new MdesStage(m.stage(), m.schoolsIntervention(), m.schoolsControl(), hide(m.pupilsIntervention(), threshold),
                    hide(m.pupilsControl(), threshold), m.prePostCorrelation(), m.icc(), m.power(), m.alpha(), m.mdes(),
                    m.multiplier(), m.df(), m.formula(), m.level2Covariates(), m.note()));
        }
        return new Evaluation(new ParticipantFlow(steps, a), mdes, ev.powerStage(), ev.rating(), ev.compliance(), notes);
    }

    private static boolean small(int n, int threshold) {
        return n >= 0 && n < threshold;
    }

    private static int hide(int n, int threshold) {
        return small(n, threshold) ? SUPPRESSED : n;
    }
}
