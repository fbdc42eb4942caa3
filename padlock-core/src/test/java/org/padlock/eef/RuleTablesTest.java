package org.padlock.eef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled EEF rule tables (months, padlocks, cost bands): the values printed in DOMAIN.md s. 5 and
 * seed 000 Appendices A and B, with the boundary cases named in issue 5.
 */
class RuleTablesTest {
    @Test
    void monthsTableRowsAndRounding() {
        MonthsTable t = RuleTables.months();
        assertEquals("eef-toolkit-2018", t.version());
        assertSame(t, RuleTables.months(), "loaded once");
        // the lower and upper edge of every row of DOMAIN.md s. 5
        double[][] rows = {{0, 0.00, 0.01}, {1, 0.02, 0.09}, {2, 0.10, 0.18}, {3, 0.19, 0.26}, {4, 0.27, 0.35},
            {5, 0.36, 0.44}, {6, 0.45, 0.52}, {7, 0.53, 0.61}, {8, 0.62, 0.69}, {9, 0.70, 0.78}, {10, 0.79, 0.87},
            {11, 0.88, 0.95}, {12, 0.96, 2.50}};
        for (double[] r : rows) {
            assertEquals((int) r[0], t.months(r[1]), "ES " + r[1]);
            assertEquals((int) r[0], t.months(r[2]), "ES " + r[2]);
            assertEquals(-(int) r[0], t.months(-r[2]), "ES " + -r[2]);
        }
    }

    @Test
    void monthsBoundaryEffectSizes() {
        assertEquals(1, MonthsProgress.months(0.015), "0.015 rounds to 0.02");
        assertEquals(0, MonthsProgress.months(0.0149));
        assertEquals(-1, MonthsProgress.months(-0.015));
        assertEquals(-2, MonthsProgress.months(-0.095), "-0.095 rounds to -0.10");
        assertEquals(-1, MonthsProgress.months(-0.0949));
        assertEquals(0, MonthsProgress.months(-0.004));
        assertEquals(12, MonthsProgress.months(0.955));
        assertEquals(11, MonthsProgress.months(0.9549));
        // seed 000 executive summary: ES 0.01 -> 0 months, 0.00 -> 0 months
        assertEquals(0, MonthsProgress.months(0.01));
        assertEquals(0, MonthsProgress.months(0.00));
        assertThrows(IllegalArgumentException.class, () -> MonthsProgress.months(Double.NaN));
    }

    @Test
    void padlockPowerAndAttritionBands() {
        PadlockRules r = RuleTables.padlocks();
        assertEquals("eef-2016", r.version());
        assertEquals(5, r.powerScore(0.19999));
        assertEquals(4, r.powerScore(0.2), "MDES exactly 0.2 is not < 0.2");
        assertEquals(4, r.powerScore(0.2999));
        assertEquals(3, r.powerScore(0.3));
        assertEquals(1, r.powerScore(0.5999));
        assertEquals(0, r.powerScore(0.6));
        assertEquals(0, r.powerScore(1.4));
        assertEquals(5, r.attritionScore(0.0));
        assertEquals(5, r.attritionScore(0.10), "attrition exactly 10% is in 0-10%");
        assertEquals(5, r.attritionScore(0.1049), "10.49% reads as 10%");
        assertEquals(4, r.attritionScore(0.105), "10.5% reads as 11%");
        assertEquals(4, r.attritionScore(0.11));
        assertEquals(4, r.attritionScore(0.20));
        assertEquals(3, r.attritionScore(0.21));
        assertEquals(1, r.attritionScore(0.50));
        assertEquals(0, r.attritionScore(0.51));
        assertEquals(0, r.attritionScore(1.0));
        assertEquals(List.of(5, 4, 4, 3, 3, 2, 2, 1, 0), r.designs().stream().map(PadlockRules.Design::score).toList());
    }

    /** Seed 000 Appendix B: well-matched comparison (3), MDES 0.19 (5), attrition about 3% (5) -> 3 padlocks. */
    @Test
    void seed000AppendixB() {
        PadlockRating p = Padlocks.rate("well-matched", 0.19, 0.03, Padlocks.Downgrade.NONE, Padlocks.Downgrade.NONE);
        assertEquals(3, p.designScore());
        assertEquals(5, p.powerScore());
        assertEquals(5, p.attritionScore());
        assertEquals(3, p.initialScore());
        assertEquals(3, p.padlocks());
        assertEquals(List.of(), p.reasons());
    }

    @Test
    void downgradesNeedReasonsAndFloorAtZero() {
        PadlockRating p = Padlocks.rate("rct", 0.15, 0.08, new Padlocks.Downgrade(1, "baseline gap 0.12 SD in KS2"),
                new Padlocks.Downgrade(1, "contamination of comparison schools"));
        assertEquals(5, p.initialScore());
        assertEquals(3, p.padlocks());
        assertEquals(List.of("balance (-1): baseline gap 0.12 SD in KS2", "validity (-1): contamination of comparison schools"),
                p.reasons());
        PadlockRating floor = Padlocks.rate("poor-matching", 0.15, 0.08, new Padlocks.Downgrade(2, "x"), Padlocks.Downgrade.NONE);
        assertEquals(1, floor.initialScore());
        assertEquals(0, floor.padlocks());
        var e = assertThrows(IllegalArgumentException.class, () -> new Padlocks.Downgrade(1, " "));
        assertTrue(e.getMessage().contains("needs a stated reason"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Padlocks.rate("matched", 0.2, 0.1, Padlocks.Downgrade.NONE, Padlocks.Downgrade.NONE));
        assertTrue(e.getMessage().startsWith("unknown design label 'matched'; known labels: rct, "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Padlocks.rate("rct", 0.2, 1.2, Padlocks.Downgrade.NONE, Padlocks.Downgrade.NONE));
        assertEquals("attrition must be a fraction in [0, 1]; found 1.2", e.getMessage());
    }

    @Test
    void costBands() {
        CostBands b = RuleTables.costBands();
        assertEquals("very low", b.rating(16.47));
        assertEquals("very low", b.rating(76.84));
        assertEquals("very low", b.rating(79.99));
        assertEquals("low", b.rating(80));
        assertEquals("low", b.rating(200));
        assertEquals("moderate", b.rating(200.01));
        assertEquals("moderate", b.rating(700));
        assertEquals("high", b.rating(1200));
        assertEquals("very high", b.rating(1200.01));
        assertThrows(IllegalArgumentException.class, () -> b.rating(-1));
    }

    @Test
    void malformedTablesAreRejectedWithTheRule() {
        String bad = "version: x\nsource: y\ndecimals: 2\nbands:\n  - {months: 0, max: 0.05}\n  - {months: 1, max: 0.02}\n  - {months: 2}\n";
        var e = assertThrows(IllegalArgumentException.class, () -> RuleTables.read(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "my-months.yaml", MonthsTable.class));
        assertEquals("my-months.yaml: bands[1].max must exceed the previous band's max", e.getMessage());
        String open = "version: x\nsource: y\nbands:\n  - {rating: cheap, below: 10}\n";
        e = assertThrows(IllegalArgumentException.class, () -> RuleTables.read(
                new ByteArrayInputStream(open.getBytes(StandardCharsets.UTF_8)), "bands.yaml", CostBands.class));
        assertTrue(e.getMessage().startsWith("bands.yaml: only the last band"), e.getMessage());
    }
}
