package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;

/**
 * {@link StandardNormal} against R 4.2.2's {@code pnorm}, {@code pnorm(log.p = TRUE)} and {@code dnorm}
 * (reference/normal/normal.json, 17 significant digits, 156 points from -1000 to 10). Tolerance:
 * 4e-16 relative for the distribution function and its log, 1e-15 for the density (a few units in
 * the last place) for every value that does not underflow; values R
 * gives as 0 must be below 1e-300 here.
 */
class StandardNormalTest {
    private static final JsonNode REF = Reference.json("normal/normal.json");
    private static final double REL = 4e-16;

    private static void close(double expected, double actual, String what) {
        close(expected, actual, what, REL);
    }

    private static void close(double expected, double actual, String what, double tol) {
        if (expected == 0) {
            assertTrue(Math.abs(actual) < 1e-300, what + ": expected 0, got " + actual);
            return;
        }
        double rel = Math.abs(actual / expected - 1);
        assertTrue(rel <= tol, what + ": expected " + expected + ", got " + actual + " (relative " + rel + ")");
    }

    @Test
    void agreesWithRsPnormAndDnorm() {
        JsonNode x = REF.get("x");
        assertEquals(156, x.size());
        for (int i = 0; i < x.size(); i++) {
            double v = x.get(i).asDouble();
            close(REF.get("pnorm").get(i).asDouble(), StandardNormal.cdf(v), "pnorm(" + v + ")");
            close(REF.get("log_pnorm").get(i).asDouble(), StandardNormal.logCdf(v), "log pnorm(" + v + ")");
            close(REF.get("dnorm").get(i).asDouble(), StandardNormal.density(v), "dnorm(" + v + ")", 1e-15);
        }
    }

    @Test
    void agreesWithHipparchusErfcOnAFineGrid() {
        // the function it replaces in the probit fits: 0.5 erfc(-x / sqrt 2). Below -10 Hipparchus' own
        // error grows (2e-14 near -9.8, 3e-13 near -35, where the R grid above agrees with StandardNormal to 4e-16)
        double worst = 0;
        double at = 0;
        for (double v = -10; v <= 8; v += 0.001) {
            double ref = 0.5 * Erf.erfc(-v / Math.sqrt(2));
            double d = Math.abs(StandardNormal.cdf(v) / ref - 1);
            if (d > worst) {
                worst = d;
                at = v;
            }
        }
        assertTrue(worst < 5e-14, "max relative difference " + worst + " at " + at);
    }

    @Test
    void missingStaysMissingAndTailsAreExact() {
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
        assertTrue(Double.isNaN(StandardNormal.logCdf(Double.NaN)));
        assertEquals(0.5, StandardNormal.cdf(0), 0);
        assertEquals(1.0, StandardNormal.cdf(40), 0);
        assertEquals(0.0, StandardNormal.cdf(-40), 0);
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.logCdf(Double.NEGATIVE_INFINITY), 0);
    }
    /**
     * The fast {@code log(1 + x)} against fdlibm's {@link Math#log1p} (within one unit in the last place)
     * from 1e-300 to 1e300 and down to -1 + 1e-15: within 1e-15 relative, and the same special values.
     */
    @Test
    void log1pMatchesFdlibm() {
        for (int k = -300; k <= 300; k++) {
            for (double m : new double[] {1, 2.5, 7.3}) {
                double x = m * Math.pow(10, k);
                close(Math.log1p(x), StandardNormal.log1p(x), "log1p(" + x + ")", 1e-15);
                if (x < 1) {
                    close(Math.log1p(-x), StandardNormal.log1p(-x), "log1p(" + -x + ")", 1e-15);
                    if (x >= 1e-15) {
                        close(Math.log1p(-1 + x), StandardNormal.log1p(-1 + x), "log1p(" + (-1 + x) + ")", 1e-15);
                    }
                }
            }
        }
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.log1p(-1));
        assertTrue(Double.isNaN(StandardNormal.log1p(-2)) && Double.isNaN(StandardNormal.log1p(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.log1p(Double.POSITIVE_INFINITY));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(StandardNormal.log1p(-0.0)));
    }
}
