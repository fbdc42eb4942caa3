package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.DataException;
import org.padlock.eef.ParticipantFlow;
import org.padlock.power.Mdes;
import org.padlock.power.TestSettings;
import org.padlock.report.Figure;

/**
 * The evaluation layer on a small study whose flow is counted by hand: 7 schools (S1, S2 treated;
 * S6 outside the comparison pool; S4 missing its matching covariate; S7 far from the treated on the
 * propensity score), 12 pupils each, two pupils of S1 and one of S3 without the outcome.
 */
class EvaluationLayerTest {
    @TempDir
    Path dir;

    static final String PLAN = TestPlans.PUPIL_MATCHED.replace("name: test", "name: flow test")
            .replace("matching:", "pool: interested\nmatching:");

    private Path write(String plan) throws IOException {
        Files.writeString(dir.resolve("schools.csv"), """
                school_id,treated,interested,x
                S1,1,1,0.9
                S2,1,1,0.8
                S3,0,1,0.85
                S4,0,1,NA
                S5,0,1,0.75
                S6,0,0,0.88
                S7,0,1,0.0
                """);
        StringBuilder p = new StringBuilder("pupil_id,school_id,male,y\n");
        int id = 0;
        for (int s = 1; s <= 7; s++) {
            for (int k = 0; k < 12; k++) {
                boolean missing = (s == 1 && k < 2) || (s == 3 && k == 0);
                double y = 0.1 * s + 0.37 * ((k * 7 + s * 3) % 11) / 11.0 - 0.2 * (k % 2);
                p.append(String.format(Locale.ROOT, "p%03d,S%d,%d,%s%n", ++id, s, k % 2, missing ? "NA" : Double.toString(y)));
            }
        }
        Files.writeString(dir.resolve("pupils.csv"), p.toString());
        Path planFile = dir.resolve("study.yaml");
        Files.writeString(planFile, plan);
        return planFile;
    }

    private StudyResult run(String plan) throws IOException {
        return StudyRunner.run(write(plan), new StudyRunner.Options(dir.resolve("out"), false, s -> { }));
    }

    @Test
    void flowAttritionAndRatingCountedByHand() throws IOException {
        StudyResult r = run(PLAN);
        Evaluation ev = (Evaluation) r.results().get("evaluation");
        List<ParticipantFlow.Step> st = ev.flow().steps();
        // kind, schools I, schools C, pupils I, pupils C (results.json: pupil counts < 10 become -2)
        int[][] expected = {{2, 5, 24, 60}, {0, 1, -2, 12}, {2, 4, 24, 48}, {0, 1, -2, 12}, {0, 0, -2, -2}, {0, 1, -2, 12},
            {2, 2, 24, 24}, {0, 0, -2, -2}, {2, 2, 22, 23}};
        assertEquals(expected.length, st.size());
        for (int i = 0; i < expected.length; i++) {
            ParticipantFlow.Step s = st.get(i);
            assertEquals(List.of(expected[i][0], expected[i][1], expected[i][2], expected[i][3]),
                    List.of(s.schoolsIntervention(), s.schoolsComparison(), s.pupilsIntervention(), s.pupilsComparison()),
                    s.label());
        }
        assertEquals(List.of("stage", "exclusion", "stage", "exclusion", "exclusion", "exclusion", "stage", "exclusion", "stage"),
                st.stream().map(ParticipantFlow.Step::kind).toList());
        assertEquals(0.0625, ev.flow().attrition().overall(), 1e-15); // 1 - 45/48
        assertEquals(1 - 22 / 24.0, ev.flow().attrition().intervention(), 1e-15);
        // MDES stages: recruited = S1-S5 and S7 (S4 is eligible; it only lacks the matching covariate), analysis = S1, S2, S3, S5
        MdesStage rec = ev.mdes().get(0);
        MdesStage ana = ev.mdes().get(1);
        assertEquals(List.of("recruited", "analysis"), List.of(rec.stage(), ana.stage()));
        assertEquals(List.of(2, 4, 22, 47), List.of(rec.schoolsIntervention(), rec.schoolsControl(), rec.pupilsIntervention(),
                rec.pupilsControl()));
        assertEquals(List.of(2, 2, 22, 23), List.of(ana.schoolsIntervention(), ana.schoolsControl(), ana.pupilsIntervention(),
                ana.pupilsControl()));
        assertEquals(4, rec.df());
        double r2 = rec.prePostCorrelation() * rec.prePostCorrelation();
        assertEquals(Mdes.cra2(Math.max(0, rec.icc()), 69 / 6.0, 6, 2 / 6.0, r2, r2, 0, TestSettings.DEFAULT).mdes(), rec.mdes(), 1e-12);
        // rating: well-matched (3); recruited-stage MDES; attrition 6.25% -> 5
        assertNotNull(ev.rating());
        assertEquals(3, ev.rating().designScore());
        assertEquals(5, ev.rating().attritionScore());
        assertEquals(rec.mdes(), ev.rating().mdes(), 0.0);
        assertEquals(Math.min(3, ev.rating().powerScore()), ev.rating().initialScore());
        // the report carries the flow diagram with pupil counts below 10 suppressed
        Figure.Flow f = (Figure.Flow) r.report().sections().stream().filter(s -> s.id().equals("flow")).findFirst()
                .orElseThrow().figures().get(0);
        assertEquals(Figure.Flow.SUPPRESSED, f.boxes().get(1).pupilsIntervention());
        assertEquals(24, f.boxes().get(0).pupilsIntervention());
        assertTrue(r.report().sections().stream().anyMatch(s -> s.id().equals("security")));
        assertTrue(r.report().sections().stream().anyMatch(s -> s.id().equals("mdes")));
    }

    @Test
    void onTreatmentWithMatchedComparators() throws IOException {
        StudyResult r = run(PLAN + """
                on_treatment:
                  - {name: all, column: x, min: 0.85}
                  - {name: matched, column: x, min: 0.85, comparators: matched}
                """);
        AnalysisRow all = r.analyses().stream().filter(a -> a.label().equals("all")).findFirst().orElseThrow();
        AnalysisRow matched = r.analyses().stream().filter(a -> a.label().equals("matched")).findFirst().orElseThrow();
        // S1 (x 0.9) is selected; 1:1 matching without replacement gave it one of the two matched controls
        assertEquals(List.of(1, 2), List.of(all.modelSchoolsIntervention(), all.modelSchoolsControl()));
        assertEquals(List.of(1, 1), List.of(matched.modelSchoolsIntervention(), matched.modelSchoolsControl()));
        PlanException e = assertThrows(PlanException.class, () -> run(PLAN.replace("covariates: [x]",
                "covariates: [x]\n  replace: true") + "on_treatment:\n  - {name: m, column: x, min: 0.85, comparators: matched}\n"));
        assertEquals("study.yaml: on_treatment[m].comparators: matched needs matching without replacement (matching.replace: false)",
                e.getMessage());
    }

    @Test
    void downgradesAndProtocolFromThePlan() throws IOException {
        StudyResult r = run(PLAN + """
                evaluation:
                  design: rct-minor-concerns
                  protocol: {schools_intervention: 15, schools_control: 15, pupils_per_school: 170, icc: 0.15, pre_post_correlation: 0.6}
                  power_stage: analysis
                  validity_downgrade: {padlocks: 1, reason: "comparison schools knew of the programme"}
                """);
        Evaluation ev = (Evaluation) r.results().get("evaluation");
        MdesStage protocol = ev.mdes().get(0);
        assertEquals("protocol", protocol.stage());
        assertEquals(0.334322355245120, protocol.mdes(), 1e-9); // reference/power case 6 (seed 000 protocol inputs, g = 1)
        assertEquals(ev.mdes().get(2).mdes(), ev.rating().mdes(), 0.0);
        assertEquals(4, ev.rating().designScore());
        assertEquals(List.of("validity (-1): comparison schools knew of the programme"), ev.rating().reasons());
        assertEquals(Math.max(0, ev.rating().initialScore() - 1), ev.rating().padlocks());
    }

    @Test
    void badEvaluationSectionsAreRejectedBeforeAnythingRuns() throws IOException {
        PlanException e = assertThrows(PlanException.class, () -> run(PLAN + "evaluation: {design: matched}\n"));
        assertTrue(e.getMessage().startsWith("study.yaml: evaluation: unknown design label 'matched'; known labels: rct,"),
                e.getMessage());
        e = assertThrows(PlanException.class, () -> run(PLAN + "evaluation: {balance_downgrade: {padlocks: 1}}\n"));
        assertEquals("study.yaml: evaluation: balance_downgrade: a downgrade of 1 padlock(s) needs a stated reason", e.getMessage());
        e = assertThrows(PlanException.class, () -> run(PLAN + "evaluation: {power_stage: protocol}\n"));
        assertEquals("study.yaml: evaluation: power_stage must be recruited or analysis; found \"protocol\"", e.getMessage());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void complianceRecordsMissingARuleColumn() throws IOException {
        Path plan = write(PLAN + "evaluation: {compliance: {file: compliance.csv, id: school_id}}\n");
        Files.writeString(dir.resolve("compliance.csv"), "school_id,training_attended_pct,review_visits\nS1,80,2\nS2,50,1\n");
        DataException e = assertThrows(DataException.class, () -> StudyRunner.validate(plan));
        assertTrue(e.getMessage().startsWith("compliance.csv, column 'visits_before_lockdown': column named by compliance"
                + " rule set spp-2021 is missing"), e.getMessage());
    }
}
