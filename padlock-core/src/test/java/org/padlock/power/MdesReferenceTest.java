package org.padlock.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;

/**
 * PowerUp! MDES against R (reference/power/make_power.R: the PowerUpR 1.1.0 formulas with stats::qt).
 * Tolerances: multiplier and MDES 1e-9 relative (Hipparchus and R t quantiles agree to ~1e-12);
 * df exact.
 */
class MdesReferenceTest {
    static final JsonNode REF = Reference.json("power/power_reference.json");

    private static TestSettings test(JsonNode c) {
        return new TestSettings(c.get("alpha").asDouble(), c.get("power").asDouble(), c.get("two_tailed").asBoolean());
    }

    private static MdesResult compute(JsonNode c) {
        return switch (c.get("design").asText()) {
            case "cra2" -> Mdes.cra2(c.get("rho2").asDouble(), c.get("n").asDouble(), c.get("J").asInt(),
                    c.get("p").asDouble(), c.get("r21").asDouble(), c.get("r22").asDouble(), c.get("g2").asInt(), test(c));
            case "ira1" -> Mdes.ira1(c.get("n").asInt(), c.get("p").asDouble(), c.get("r21").asDouble(),
                    c.get("g1").asInt(), test(c));
            case "bira2r1" -> Mdes.bira2r1(c.get("rho2").asDouble(), c.get("omega2").asDouble(), c.get("n").asDouble(),
                    c.get("J").asInt(), c.get("p").asDouble(), c.get("r21").asDouble(), c.get("r2t2").asDouble(),
                    c.get("g2").asInt(), test(c));
            default -> throw new AssertionError(c);
        };
    }

    @Test
    void allReferenceCasesAgreeWithR() {
        assertEquals(12, REF.size());
        for (JsonNode c : REF) {
            MdesResult r = compute(c);
            String at = c.toString();
            assertEquals(c.get("design").asText(), r.design());
            assertEquals(c.get("df").asDouble(), r.df(), 0.0, at);
            assertEquals(c.get("multiplier").asDouble(), r.multiplier(), 1e-9 * r.multiplier(), at);
            assertEquals(c.get("se").asDouble(), r.standardError(), 1e-12, at);
            assertEquals(c.get("mdes").asDouble(), r.mdes(), 1e-9 * r.mdes(), at);
        }
    }

    /** PowerUpR documentation: mdes.cra2(rho2 = .17, n = 15, J = 20) gives MDES 0.629 with M = 2.963 (df 18). */
    @Test
    void powerUpRDocumentedExample() {
        MdesResult r = Mdes.cra2(0.17, 15, 20, 0.5, 0, 0, 0, TestSettings.DEFAULT);
        assertEquals(0.629, r.mdes(), 5e-4);
        assertEquals(2.96297, r.multiplier(), 5e-6);
        assertEquals(18, r.df());
    }

    /**
     * Seed 000 Table 3 publishes MDES 0.312 / 0.189 / 0.182 for its protocol / recruited / analysis
     * stages. PowerUp! with R2 = r^2 at both levels and one level-2 covariate gives 0.334 / 0.204 /
     * 0.215 (make_power.R); no simple convention reproduces the published figures (see
     * reference/power/README.md), so the test pins PowerUp! and records the gap.
     */
    @Test
    void seed000Table3Inputs() {
        double protocol = Mdes.cra2(0.15, 170, 30, 0.5, 0.36, 0.36, 1, TestSettings.DEFAULT).mdes();
        double recruited = Mdes.cra2(0.086, 13323.0 / 87, 87, 14.0 / 87, 0.58 * 0.58, 0.58 * 0.58, 1,
                TestSettings.DEFAULT).mdes();
        double analysis = Mdes.cra2(0.083, 8650.0 / 55, 55, 14.0 / 55, 0.58 * 0.58, 0.58 * 0.58, 1,
                TestSettings.DEFAULT).mdes();
        assertEquals(0.334, protocol, 5e-4);
        assertEquals(0.204, recruited, 5e-4);
        assertEquals(0.215, analysis, 5e-4);
        // the published ordering (protocol > recruited) holds; the published analysis < recruited does not
        assertTrue(protocol > recruited);
    }

    @Test
    void oneSidedIsSmallerAndMorePowerIsLarger() {
        MdesResult two = Mdes.cra2(0.2, 20, 40, 0.5, 0, 0, 0, TestSettings.DEFAULT);
        MdesResult one = Mdes.cra2(0.2, 20, 40, 0.5, 0, 0, 0, new TestSettings(0.05, 0.8, false));
        MdesResult p90 = Mdes.cra2(0.2, 20, 40, 0.5, 0, 0, 0, new TestSettings(0.05, 0.9, true));
        assertTrue(one.mdes() < two.mdes());
        assertTrue(p90.mdes() > two.mdes());
    }

    @Test
    void invalidInputsNameTheRule() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Mdes.cra2(1.2, 20, 40, 0.5, 0, 0, 0, TestSettings.DEFAULT));
        assertEquals("icc must be in [0, 1); found 1.2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mdes.cra2(0.1, 20, 3, 0.5, 0, 0, 1, TestSettings.DEFAULT));
        assertTrue(e.getMessage().contains("3 - 1 - 2 = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mdes.cra2(0.1, 20, 30, 1.0, 0, 0, 0, TestSettings.DEFAULT));
        assertEquals("treated share must be in (0, 1); found 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TestSettings(0.05, 1.0, true));
    }
}
