package org.padlock.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.design.MatchedSample;
import org.padlock.eef.Attrition;
import org.padlock.eef.ParticipantFlow;

/**
 * Counts the participant flow of a run from the data (DOMAIN.md s. 6): schools in the school table
 * (approached), the eligible pool (treated schools and the comparison pool), the exclusions of the
 * design stage (missing matching data, outside common support, not selected), the matched
 * (allocated) schools of the frozen design, and the schools and pupils analysed for the primary
 * outcome. Pupils are counted in the primary outcome's cohort ({@code subset}) when it has one.
 * Attrition runs from allocation to analysis, in pupils (schools for a school-level study).
 */
final class FlowBuilder {
    private FlowBuilder() {
    }

    static ParticipantFlow build(ResolvedPlan rp, StudyInputs in, DesignResult d, FrozenDesign frozen, List<AnalysisRow> rows) {
        StudyPlan p = rp.plan();
        TextColumn ids = in.schools().text(p.data().schools().id());
        NumericColumn t = in.schools().numeric(p.treatment());
        NumericColumn pool = p.pool() == null ? null : in.schools().numeric(p.pool());
        Map<String, Integer> arm = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            arm.put(ids.get(i), (int) t.get(i));
        }
        Map<String, Integer> pupils = rp.pupilLevel() ? pupilsPerSchool(rp, in) : null;
        List<ParticipantFlow.Step> steps = new ArrayList<>();
        Set<String> all = new HashSet<>(arm.keySet());
        steps.add(step("stage", "Schools in the data (approached)", all, arm, pupils));
        if (pool != null) {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (t.get(i) == 0 && pool.get(i) != 1) {
                    out.add(ids.get(i));
                }
            }
            steps.add(step("exclusion", "Not in the comparison pool (" + p.pool() + " is not 1)", out, arm, pupils));
            all.removeAll(out);
            steps.add(step("stage", "Eligible: recruited (intervention) and in the comparison pool", all, arm, pupils));
        }
        Set<String> missing = new HashSet<>(d.excludedIds());
        steps.add(step("exclusion", "Missing matching data", missing, arm, pupils));
        MatchedSample m = d.sample();
        boolean[] disc = m.discarded();
        double[] w = m.weight();
        Set<String> discarded = new HashSet<>();
        Set<String> unselected = new HashSet<>();
        for (int i = 0; i < m.size(); i++) {
            if (disc[i]) {
                discarded.add(m.ids().get(i));
            } else if (!(w[i] > 0)) {
                unselected.add(m.ids().get(i));
            }
        }
        steps.add(step("exclusion", "Outside common support (discarded)", discarded, arm, pupils));
        steps.add(step("exclusion", "Not selected by matching", unselected, arm, pupils));
        Set<String> matched = new HashSet<>();
        for (FrozenDesign.Unit u : frozen.units()) {
            if (u.weight() > 0) {
                matched.add(u.id());
            }
        }
        ParticipantFlow.Step alloc = step("stage", "Matched (allocated; frozen design)", matched, arm, pupils);
        steps.add(alloc);
        AnalysisRow primary = rows.stream().filter(r -> r.group().equals("primary")).findFirst().orElse(null);
        Attrition attrition = null;
        if (primary != null) {
            int s1 = primary.modelSchoolsIntervention();
            int s0 = primary.modelSchoolsControl();
            int a1 = primary.intervention().n();
            int a0 = primary.control().n();
            if (rp.pupilLevel()) {
                steps.add(new ParticipantFlow.Step("exclusion", "Primary outcome missing (not analysed)",
                        alloc.schoolsIntervention() - s1, alloc.schoolsComparison() - s0, alloc.pupilsIntervention() - a1,
                        alloc.pupilsComparison() - a0));
                steps.add(new ParticipantFlow.Step("stage", "Analysed (primary outcome)", s1, s0, a1, a0));
                attrition = new Attrition("pupils", alloc.pupilsIntervention(), alloc.pupilsComparison(), a1, a0);
            } else {
                steps.add(new ParticipantFlow.Step("exclusion", "Primary outcome missing (not analysed)",
                        alloc.schoolsIntervention() - s1, alloc.schoolsComparison() - s0, -1, -1));
                steps.add(new ParticipantFlow.Step("stage", "Analysed (primary outcome)", s1, s0, -1, -1));
                attrition = new Attrition("schools", alloc.schoolsIntervention(), alloc.schoolsComparison(), s1, s0);
            }
        }
        return new ParticipantFlow(steps, attrition);
    }

    private static ParticipantFlow.Step step(String kind, String label, Set<String> schools, Map<String, Integer> arm,
                                             Map<String, Integer> pupils) {
        int s1 = 0;
        int s0 = 0;
        int p1 = 0;
        int p0 = 0;
        for (String s : schools) {
            Integer a = arm.get(s);
            if (a == null) {
                continue;
            }
            int np = pupils == null ? 0 : pupils.getOrDefault(s, 0);
            if (a == 1) {
                s1++;
                p1 += np;
            } else {
                s0++;
                p0 += np;
            }
        }
        return new ParticipantFlow.Step(kind, label, s1, s0, pupils == null ? -1 : p1, pupils == null ? -1 : p0);
    }

    /** Pupils per school in the primary outcome's cohort (all pupils when it has no subset). */
    private static Map<String, Integer> pupilsPerSchool(ResolvedPlan rp, StudyInputs in) {
        StudyPlan p = rp.plan();
        StudyPlan.Outcome primary = p.outcomes().stream().filter(o -> "primary".equals(o.role())).findFirst()
                .orElse(p.outcomes().get(0));
        TextColumn school = in.pupils().text(p.data().pupils().school());
        TextColumn sub = primary.subset() == null ? null : in.pupils().text(primary.subset().column());
        Map<String, Integer> n = new HashMap<>();
        for (int i = 0; i < school.size(); i++) {
            if (sub == null || primary.subset().value().equals(sub.get(i))) {
                n.merge(school.get(i), 1, Integer::sum);
            }
        }
        return n;
    }
}
