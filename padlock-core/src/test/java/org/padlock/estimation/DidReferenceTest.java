package org.padlock.estimation;

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
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;

/**
 * Two-period difference-in-differences (post - pre on treatment, clustered by partnership) against
 * R: lm + sandwich::vcovCL(type = "HC1"), t(G-1) (reference/did). Tolerance 1e-9.
 */
class DidReferenceTest {
    static final Frame DATA = TableReader.read(Reference.file("did/did_data.csv"), Set.of("id", "partnership"));
    static final JsonNode REF = Reference.json("did/did_reference.json");

    private void check(String block, List<String> covs) {
        double[] pre = DATA.numeric("pre").values();
        double[] post = DATA.numeric("post").values();
        double[] y = new double[pre.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = post[i] - pre[i];
        }
        ModelMatrix x = ModelMatrixBuilder.build(DATA, ModelMatrixBuilder.allRows(DATA), covs, Set.of(), MissingPolicy.DROP,
                true, true);
        WlsFit fit = WeightedLeastSquares.fit(x, y, null);
        CoefficientTest t = Covariance.of(fit, new CovarianceSpec.Clustered(DATA.text("partnership").values(), true))
                .test(fit, "treat");
        JsonNode c = REF.get(block).get("coefficients").get("treat");
        assertEquals(c.get("estimate").asDouble(), t.estimate(), 1e-9);
        JsonNode cr1 = c.get("cr1");
        assertEquals(cr1.get("se").asDouble(), t.stdError(), 1e-9);
        assertEquals(cr1.get("df").asDouble(), t.df(), 0);
        assertEquals(cr1.get("p_value").asDouble(), t.pValue(), 1e-12);
        assertEquals(cr1.get("ci_lower").asDouble(), t.ciLow(), 1e-9);
        assertEquals(cr1.get("ci_upper").asDouble(), t.ciHigh(), 1e-9);
    }

    @Test
    void changeOnTreatment() {
        check("change_on_treat", List.of("treat"));
    }

    @Test
    void changeOnTreatmentWithCovariate() {
        check("change_on_treat_z", List.of("treat", "z"));
    }
}
