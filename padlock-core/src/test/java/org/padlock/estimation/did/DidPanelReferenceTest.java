package org.padlock.estimation.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.NumericColumn;
import org.padlock.data.TableReader;
import org.padlock.data.TextColumn;
import org.padlock.inference.CoefficientTest;

/**
 * Long-panel and two-period difference-in-differences against R (lm with unit and period dummies,
 * sandwich 3.0.2 vcovCL type HC1, t(G-1), Wald F(q, G-1); reference/did_panel). Tolerances:
 * estimates and SEs 1e-9 relative, p-values and F 1e-9 absolute, trend means 1e-9.
 */
class DidPanelReferenceTest {
    static final Frame DATA = TableReader.read(Reference.file("did_panel/panel_data.csv"), Set.of("unit", "partnership"));
    static final JsonNode REF = Reference.json("did_panel/panel_reference.json");

    static PanelInput input(boolean weighted, String cluster, boolean covariate, Set<Double> periods) {
        NumericColumn y = DATA.numeric("y");
        NumericColumn per = DATA.numeric("period");
        int[] rows = java.util.stream.IntStream.range(0, DATA.rowCount())
                .filter(i -> !y.isMissing(i) && (periods == null || periods.contains(per.get(i)))).toArray();
        Frame d = DATA.select(rows);
        return new PanelInput(d.text("unit").values(), d.numeric("period").values(), d.numeric("y").values(),
                d.numeric("treat").values(), weighted ? d.numeric("w").values() : null, d.text(cluster).values(),
                covariate ? List.of("x") : List.of(), covariate ? new double[][] {d.numeric("x").values()} : new double[0][],
                2017);
    }

    private static void rel(double e, double a, String what) {
        assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), what);
    }

    static void checkTest(JsonNode r, CoefficientTest t) {
        rel(r.get("estimate").asDouble(), t.estimate(), "estimate");
        rel(r.get("std_error").asDouble(), t.stdError(), "se");
        assertEquals(r.get("df").asDouble(), t.df(), 0);
        assertEquals(r.get("p_value").asDouble(), t.pValue(), 1e-9);
        rel(r.get("ci_lower").asDouble(), t.ciLow(), "ci low");
        rel(r.get("ci_upper").asDouble(), t.ciHigh(), "ci high");
    }

    private void check(String block, boolean weighted, String cluster, boolean covariate) {
        JsonNode r = REF.get(block);
        DidResult res = EventStudy.fit(input(weighted, cluster, covariate, null), 9);
        assertEquals(r.get("n").asInt(), res.nObs());
        assertEquals(r.get("n_clusters").asInt(), res.nClusters());
        checkTest(r.get("static"), res.effect());
        JsonNode es = r.get("event_study");
        assertEquals(es.size(), res.eventStudy().size());
        for (int i = 0; i < es.size(); i++) {
            assertEquals(es.get(i).get("relative_period").asInt(), res.eventStudy().get(i).relativePeriod());
            checkTest(es.get(i), res.eventStudy().get(i).test());
        }
        JsonNode pt = r.get("pre_trend");
        assertEquals(List.of(-3, -2), res.preTrend().relativePeriods());
        rel(pt.get("f").asDouble(), res.preTrend().f(), "F");
        assertEquals(pt.get("df1").asInt(), res.preTrend().df1());
        assertEquals(pt.get("df2").asDouble(), res.preTrend().df2(), 0);
        assertEquals(pt.get("p_value").asDouble(), res.preTrend().pValue(), 1e-9);
        JsonNode tr = r.get("trends");
        assertEquals(tr.size(), res.trends().size());
        for (int i = 0; i < tr.size(); i++) {
            TrendPoint p = res.trends().get(i);
            assertEquals(tr.get(i).get("period").asDouble(), p.period(), 0);
            assertEquals(tr.get(i).get("treated").asInt(), p.treated());
            assertEquals(tr.get(i).get("n").asInt(), p.n());
            rel(tr.get(i).get("mean").asDouble(), p.mean(), "trend mean");
        }
    }

    @Test
    void weightedWithCovariateClusteredByPartnership() {
        check("weighted_partnership_x", true, "partnership", true);
    }

    @Test
    void unweightedClusteredByUnit() {
        check("unweighted_unit", false, "unit", false);
    }

    /** Wide file of units with y in 2016 (pre) and 2017 (post); NaN where missing. */
    static Frame wide() {
        Map<String, double[]> v = new LinkedHashMap<>();
        Map<String, String> part = new LinkedHashMap<>();
        for (int i = 0; i < DATA.rowCount(); i++) {
            double p = DATA.numeric("period").get(i);
            if (p != 2016 && p != 2017) {
                continue;
            }
            String u = DATA.text("unit").get(i);
            double[] a = v.computeIfAbsent(u, k -> new double[] {Double.NaN, Double.NaN, 0, 0});
            a[p == 2016 ? 0 : 1] = DATA.numeric("y").get(i);
            a[2] = DATA.numeric("treat").get(i);
            a[3] = DATA.numeric("w").get(i);
            part.put(u, DATA.text("partnership").get(i));
        }
        List<String> ids = new ArrayList<>(v.keySet());
        double[][] c = new double[4][ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            for (int j = 0; j < 4; j++) {
                c[j][k] = v.get(ids.get(k))[j];
            }
        }
        return new Frame("wide", List.of(new TextColumn("unit", ids.toArray(new String[0])),
                new TextColumn("partnership", ids.stream().map(part::get).toArray(String[]::new)),
                new NumericColumn("pre", c[0]), new NumericColumn("post", c[1]), new NumericColumn("treat", c[2]),
                new NumericColumn("w", c[3])));
    }

    @Test
    void twoPeriodsEqualTwoWayFixedEffects() {
        JsonNode r = REF.get("two_period_2016_2017");
        DidResult two = TwoPeriodDid.fit(wide(), "unit", "pre", "post", "treat", List.of(), Set.of(), MissingPolicy.DROP,
                "w", "partnership");
        assertEquals(r.get("n").asInt(), two.nObs());
        assertEquals(48 - r.get("n").asInt(), two.nDroppedMissing());
        assertEquals(r.get("n_clusters").asInt(), two.nClusters());
        checkTest(r, two.effect());
        assertNull(two.preTrend());
        DidResult panel = EventStudy.fit(input(true, "partnership", false, Set.of(2016.0, 2017.0)), 0);
        rel(r.get("twfe_estimate").asDouble(), panel.effect().estimate(), "twfe");
        rel(two.effect().estimate(), panel.effect().estimate(), "two-period = twfe");
        assertNull(panel.preTrend());
    }

    @Test
    void withoutNeverTreatedUnitsTheEffectIsNotIdentified() {
        PanelInput in = input(false, "unit", false, null);
        double[] allTreated = new double[in.y().length];
        java.util.Arrays.fill(allTreated, 1.0);
        PanelInput bad = new PanelInput(in.unit(), in.period(), in.y(), allTreated, null, in.cluster(), List.of(),
                new double[0][], 2017);
        org.padlock.EstimationException e = assertThrows(org.padlock.EstimationException.class, () -> EventStudy.fit(bad, 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("never-treated"), e.getMessage());
    }

    @Test
    void firstTreatedPeriodMustBeAPeriod() {
        PanelInput in = input(false, "unit", false, null);
        PanelInput bad = new PanelInput(in.unit(), in.period(), in.y(), in.treated(), null, in.cluster(), List.of(),
                new double[0][], 2030);
        assertThrows(IllegalArgumentException.class, () -> EventStudy.fit(bad, 0));
    }
}
