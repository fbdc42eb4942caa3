package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.Reference;
import org.padlock.data.Json;
import org.padlock.estimation.did.DidResult;
import org.padlock.report.Figure;
import org.padlock.report.Section;

/**
 * A school-did study with {@code analysis.se: cr2} and an outcome panel, end to end against clubSandwich
 * 0.5.8 (reference/school_did_panel): the primary change row (CR2, Satterthwaite) and the panel's event
 * study, static estimate and Naive-F pre-trend test; the trends figure's means against R's. Tolerances:
 * estimates, SEs, df 1e-8 relative; p 1e-9; means 1e-9.
 */
class SchoolDidPanelTest {
    static final JsonNode REF = Reference.json("school_did_panel/school_did_panel_reference.json");
    @TempDir
    Path out;

    private static void rel(double e, double a) {
        assertEquals(e, a, 1e-8 * Math.max(1, Math.abs(e)));
    }

    private static void check(JsonNode r, double est, double se, double df, double p, double lo, double hi) {
        rel(r.get("estimate").asDouble(), est);
        rel(r.get("std_error").asDouble(), se);
        rel(r.get("df").asDouble(), df);
        assertEquals(r.get("p_value").asDouble(), p, 1e-9);
        rel(r.get("ci_lower").asDouble(), lo);
        rel(r.get("ci_upper").asDouble(), hi);
    }

    private static Path copy(Path dir, String planEdit, String replacement) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {"schools.csv", "outcomes.csv"}) {
            Files.copy(Reference.file("school_did_panel/" + f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("study.yaml"), Files.readString(Reference.file("school_did_panel/study.yaml"))
                .replace(planEdit, replacement));
        return dir.resolve("study.yaml");
    }

    @Test
    void cr2PrimaryRowAndPanelMatchClubSandwich() {
        StudyResult r = StudyRunner.run(Reference.file("school_did_panel/study.yaml"), new StudyRunner.Options(out, true, s -> { }));
        AnalysisRow a = r.analyses().get(0);
        JsonNode pr = REF.get("primary");
        assertEquals("cr2", a.se());
        assertEquals(pr.get("n").asInt(), a.nObs());
        check(pr, a.estimate(), a.stdError(), a.df(), a.pValue(), a.ciLow(), a.ciHigh());

        JsonNode pn = REF.get("panel");
        PanelTrends.Panel p = PanelTrends.run(r.plan(), StudyInputs.load(r.plan()), r.frozen(), s -> { }).get(0);
        DidResult d = p.result();
        assertEquals(pn.get("n").asInt(), d.nObs());
        assertEquals(pn.get("n_clusters").asInt(), d.nClusters());
        var e = d.effect();
        check(pn.get("static"), e.estimate(), e.stdError(), e.df(), e.pValue(), e.ciLow(), e.ciHigh());
        for (int i = 0; i < 3; i++) {
            JsonNode x = pn.get("event_study").get(i);
            var t = d.eventStudy().get(i).test();
            assertEquals(x.get("relative_period").asInt(), d.eventStudy().get(i).relativePeriod());
            check(x, t.estimate(), t.stdError(), t.df(), t.pValue(), t.ciLow(), t.ciHigh());
        }
        rel(pn.get("pre_trend").get("f").asDouble(), d.preTrend().f());
        assertEquals(pn.get("pre_trend").get("df2").asDouble(), d.preTrend().df2(), 0);
        assertEquals(pn.get("pre_trend").get("p_value").asDouble(), d.preTrend().pValue(), 1e-9);

        Section impact = r.report().sections().stream().filter(s -> s.id().equals("impact")).findFirst().orElseThrow();
        Figure.Trends f = impact.figures().stream().filter(x -> x instanceof Figure.Trends).map(x -> (Figure.Trends) x)
                .findFirst().orElseThrow();
        assertEquals(2018.0, f.firstTreated(), 0);
        JsonNode tr = pn.get("trends");
        for (int i = 0; i < 8; i++) {
            int k = i % 4;
            double m = tr.get("treated").get(i).asInt() == 1 ? f.intervention()[k] : f.comparison()[k];
            assertEquals(tr.get("period").get(i).asDouble(), f.periods()[k], 0);
            assertEquals(tr.get("mean").get(i).asDouble(), m, 1e-9);
        }
        assertEquals(19, f.nIntervention()[3], "2018 outcome missing for one treated school (row 5)");
        assertEquals(18, f.nComparison()[3], "and two comparison schools (rows 22, 31)");
        assertTrue(impact.tables().stream().anyMatch(t -> t.id().equals("event-study-y_change")));
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) ((List<Object>) r.results().get("panels")).get(0);
        assertEquals("cr2", j.get("se"));
    }

    @Test
    void wildPlanIsDeterministic() throws IOException {
        Path plan = copy(out.resolve("w"), "se: cr2", "se: wild\n  bootstrap_reps: 99");
        StudyResult a = StudyRunner.run(plan, new StudyRunner.Options(out.resolve("a"), true, s -> { }));
        StudyResult b = StudyRunner.run(plan, new StudyRunner.Options(out.resolve("b"), true, s -> { }));
        assertEquals(Json.write(a.results().get("panels")), Json.write(b.results().get("panels")));
        assertEquals(a.analyses().get(0).pValue(), b.analyses().get(0).pValue(), 0);
        double p = a.analyses().get(0).pValue();
        assertEquals(Math.rint(p * 99), p * 99, 1e-6, "10 clusters, 2^10 > 99: random draws, p a multiple of 1/99");
    }

    @Test
    void panelMustListTheOutcomeAndPreColumns() throws IOException {
        Path plan = copy(out.resolve("bad"), "2017: y_2017, ", "");
        PlanException e = assertThrows(PlanException.class,
                () -> StudyRunner.run(plan, new StudyRunner.Options(out.resolve("o"), true, s -> { })));
        assertTrue(e.getMessage().contains("panel") && e.getMessage().contains("y_2017"), e.getMessage());
        Path plan2 = copy(out.resolve("bad2"), "2015: y_2015", "x5: y_2015");
        PlanException e2 = assertThrows(PlanException.class,
                () -> StudyRunner.run(plan2, new StudyRunner.Options(out.resolve("o2"), true, s -> { })));
        assertTrue(e2.getMessage().contains("period numbers"), e2.getMessage());
    }
}
