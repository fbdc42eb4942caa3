package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.TableReader;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;

/**
 * Weighted least squares and its covariance estimators against R (lm; sandwich 3.0.2 vcovCL/vcovHC;
 * estimatr 1.0.0 lm_robust se_type = "stata") on committed clustered data (reference/cluster).
 * Tolerances: coefficients 1e-9 absolute; standard errors 1e-9 relative; p-values 1e-9 absolute.
 */
class ClusterReferenceTest {
    static final Frame DATA = TableReader.read(Reference.file("cluster/cluster_data.csv"), Set.of("school", "pupil"));
    static final JsonNode REF = Reference.json("cluster/cluster_reference.json");

    static WlsFit fit(boolean weighted, String[][] clusters) {
        var y = DATA.numeric("y");
        int[] rows = java.util.stream.IntStream.range(0, DATA.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        ModelMatrix x = ModelMatrixBuilder.build(DATA, rows, List.of("treat", "x1", "x2", "f"), Set.of(),
                MissingPolicy.INDICATOR, true, true);
        double[] yv = new double[rows.length];
        double[] w = new double[rows.length];
        String[] cl = new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            yv[k] = y.get(rows[k]);
            w[k] = weighted ? DATA.numeric("w").get(rows[k]) : 1.0;
            cl[k] = DATA.text("school").get(rows[k]);
        }
        clusters[0] = cl;
        return WeightedLeastSquares.fit(x, yv, w);
    }

    private static String rName(String ours) {
        return switch (ours) {
            case "f_b" -> "fb";
            case "f_c" -> "fc";
            default -> ours;
        };
    }

    private void check(boolean weighted) {
        String[][] cl = new String[1][];
        WlsFit fit = fit(weighted, cl);
        JsonNode block = REF.get(weighted ? "weighted" : "unweighted");
        assertEquals(block.get("n").asInt(), fit.n());
        Covariance classical = Covariance.of(fit, new CovarianceSpec.Classical());
        Covariance hc1 = Covariance.of(fit, new CovarianceSpec.Hc1());
        Covariance cr1 = Covariance.of(fit, new CovarianceSpec.Clustered(cl[0], true));
        Covariance cr0 = Covariance.of(fit, new CovarianceSpec.Clustered(cl[0], false));
        assertEquals(40, cr1.clusters());
        assertEquals(39, cr1.df());
        for (String term : fit.names()) {
            JsonNode c = block.get("coefficients").get(rName(term));
            assertEquals(c.get("estimate").asDouble(), fit.coefficient(term), 1e-9, term);
            assertRel(c.get("se_classical").asDouble(), classical.test(fit, term).stdError(), term + " classical");
            assertRel(c.get("se_hc1").asDouble(), hc1.test(fit, term).stdError(), term + " hc1");
            assertRel(c.get("se_cr1_stata").asDouble(), cr1.test(fit, term).stdError(), term + " cr1");
            assertRel(c.get("se_cr0").asDouble(), cr0.test(fit, term).stdError(), term + " cr0");
            JsonNode lr = block.get("lm_robust_stata").get(rName(term));
            CoefficientTest t = cr1.test(fit, term);
            assertEquals(lr.get("p_value").asDouble(), t.pValue(), 1e-9, term + " p");
            assertEquals(lr.get("ci_lower").asDouble(), t.ciLow(), 1e-9, term + " ci");
            assertEquals(lr.get("ci_upper").asDouble(), t.ciHigh(), 1e-9, term + " ci");
        }
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void weightedMatchesSandwichAndEstimatr() {
        check(true);
    }

    @Test
    void unweightedMatchesSandwichAndEstimatr() {
        check(false);
    }

    @Test
    void collinearTermIsDroppedAndReported() {
        var y = DATA.numeric("y");
        int[] rows = java.util.stream.IntStream.range(0, DATA.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        Frame f = DATA.with(new org.padlock.data.NumericColumn("x1_twice", scaled(DATA.numeric("x1").values(), 2)));
        ModelMatrix x = ModelMatrixBuilder.build(f, rows, List.of("treat", "x1", "x1_twice"), Set.of(), MissingPolicy.DROP, true, true);
        double[] yv = new double[x.rowCount()];
        for (int k = 0; k < yv.length; k++) {
            yv[k] = y.get(x.rows()[k]);
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yv, null);
        assertEquals(List.of("x1_twice"), fit.dropped());
        assertEquals(3, fit.rank());
    }

    @Test
    void oneClusterGivesNaNNotACrash() {
        String[][] cl = new String[1][];
        WlsFit fit = fit(false, cl);
        String[] one = new String[cl[0].length];
        java.util.Arrays.fill(one, "only");
        CoefficientTest t = Covariance.of(fit, new CovarianceSpec.Clustered(one, true)).test(fit, "treat");
        assertEquals(Double.NaN, t.stdError());
        assertEquals(Double.NaN, t.pValue());
    }

    private static double[] scaled(double[] v, double c) {
        double[] o = v.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] *= c;
        }
        return o;
    }
}
