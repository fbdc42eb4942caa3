package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;

/**
 * The subsample start of the propensity fit ({@link WarmStart}): Fisher scoring from it reaches R's glm
 * estimates on lalonde (reference/lalonde/glm.json, reference/design-ext/glm_terms_probit.json) at the
 * reference tests' tolerances (coefficients 1e-8 relative: glm's own answer is within about 2e-9 of the
 * maximum, which the extra iteration from the start reaches more closely; standard errors 1e-4, as glm
 * takes them from the weights of its next-to-last iterate), in no more passes; small
 * samples, starts that drop a term and starts that do not lead to convergence are not used.
 * The subsample is made small here ({@code perClass}) so that lalonde's 614 rows count as large.
 */
class WarmStartTest {
    private static final double[] TREAT = LalondeReferenceTest.DATA.numeric("treat").values();

    private static ModelMatrix lalonde(java.util.List<String> terms) {
        return ModelMatrixBuilder.build(LalondeReferenceTest.DATA, ModelMatrixBuilder.allRows(LalondeReferenceTest.DATA),
                terms, Set.of(), MissingPolicy.DROP, true, true);
    }

    @Test
    void logitFromTheSubsampleStartReachesGlm() {
        ModelMatrix x = lalonde(LalondeReferenceTest.COVS);
        double[] start = WarmStart.coefficients(x.x(), TREAT, Link.LOGIT, 60);
        assertNotNull(start, "120 subsample rows of 614 is a quarter or less: the start is made");
        BinaryRegression.Irls glmStart = BinaryRegression.irls(x.x(), x.names(), TREAT, null, Link.LOGIT, null);
        BinaryRegression.Irls warm = BinaryRegression.irls(x.x(), x.names(), TREAT, null, Link.LOGIT, start);
        assertTrue(warm.converged());
        // fit() takes the warm start's result
        assertArrayEquals(warm.beta(), BinaryRegression.fit(x, TREAT, Link.LOGIT, 60).coefficients());
        assertTrue(warm.iterations() <= glmStart.iterations(), warm.iterations() + " vs " + glmStart.iterations());
        JsonNode coefs = Reference.json("lalonde/glm.json").get("coefficients");
        for (int j = 0; j < x.termCount(); j++) {
            String rname = x.names().get(j).replace("race_", "race");
            double b = coefs.get(rname).get("estimate").asDouble();
            // the start itself is only near glm's estimate
            assertTrue(Math.abs(start[j] - b) > 1e-6 * Math.max(1, Math.abs(b)), rname + " start " + start[j]);
            assertEquals(b, warm.beta()[j], 1e-8 * Math.max(1, Math.abs(b)), rname);
            // glm's SEs come from the weights of its next-to-last iterate, about 1e-4 from the maximum
            assertEquals(coefs.get(rname).get("std_error").asDouble(), warm.se()[j], 1e-4 * warm.se()[j], rname);
        }
        assertEquals(Reference.json("lalonde/glm.json").get("log_likelihood").asDouble(), -warm.deviance() / 2, 1e-8);
    }

    @Test
    void probitWithTermsReachesGlmWhetherOrNotTheStartIsKept() {
        ModelMatrix x = lalonde(DesignExtReferenceTest.TERMS);
        JsonNode coefs = Reference.json("design-ext/glm_terms_probit.json").get("coefficients");
        for (int perClass : new int[] {60, 76}) {
            PropensityFit fit = BinaryRegression.fit(x, TREAT, Link.PROBIT, perClass);
            assertTrue(fit.converged());
            for (int j = 0; j < x.termCount(); j++) {
                String rname = x.names().get(j).replace("race_", "race");
                double b = coefs.get(rname).get("estimate").asDouble();
                assertEquals(b, fit.coefficients()[j], 1e-8 * Math.max(1e-3, Math.abs(b)), rname + " " + perClass);
            }
        }
    }

    @Test
    void noStartForSmallSamplesOrWhenTheSubsampleLosesATerm() {
        ModelMatrix x = lalonde(LalondeReferenceTest.COVS);
        // 2 x 200 rows kept would be more than a quarter of 614
        assertNull(WarmStart.coefficients(x.x(), TREAT, Link.LOGIT, 200));
        // at the real subsample size lalonde is a small sample: fit() is glm's iteration from glm's start
        BinaryRegression.Irls glmStart = BinaryRegression.irls(x.x(), x.names(), TREAT, null, Link.LOGIT, null);
        PropensityFit fit = BinaryRegression.fit(x, TREAT, Link.LOGIT);
        assertEquals(glmStart.iterations(), fit.iterations());
        assertArrayEquals(glmStart.beta(), fit.coefficients());
        // a term that is 1 on a single row: the evenly spaced subsample misses it, so the term is constant there
        double[][] cols = new double[x.termCount() + 1][];
        System.arraycopy(x.x(), 0, cols, 0, x.termCount());
        cols[x.termCount()] = new double[TREAT.length];
        cols[x.termCount()][1] = 1;
        assertNull(WarmStart.coefficients(cols, TREAT, Link.LOGIT, 60));
    }
}
