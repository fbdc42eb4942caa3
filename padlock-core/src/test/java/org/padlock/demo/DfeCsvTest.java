package org.padlock.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DfeCsvTest {
    @Test
    void cellsBecomeNumbersOrMissing() {
        assertEquals(78, DfeCsv.parse("f", 0, "c", "78%"));
        assertEquals(-4.8, DfeCsv.parse("f", 0, "c", "-4.8"));
        for (String code : new String[] {"", "NA", "SUPP", "NE", "LOWCOV", "NP", "SP", "RE", "NEW", "SUPP*"}) {
            assertTrue(Double.isNaN(DfeCsv.parse("f", 0, "c", code)), code);
        }
        assertThrows(IllegalStateException.class, () -> DfeCsv.parse("f", 0, "c", "12d"));
        assertThrows(IllegalStateException.class, () -> DfeCsv.parse("f", 0, "c", "Infinity"));
    }

    @Test
    void splitKeepsEmptyCellsAndDropsCarriageReturn() {
        assertArrayEquals(new String[] {"1", "", " x".strip(), ""}, DfeCsv.split("f", 2, "1,, x,\r"));
        assertThrows(IllegalStateException.class, () -> DfeCsv.split("f", 2, "1,\"a,b\""));
    }

    @Test
    void bundledFilesReadWithByteOrderMarkStripped() {
        DfeCsv census = DfeCsv.resource("dfe/ksp_england_census.csv");
        assertEquals(23_942, census.rows());
        assertEquals("100000", census.text(0, "URN"));
        DfeCsv ks2 = DfeCsv.resource("dfe/wk_ks2_2016.csv");
        assertEquals(16_162, ks2.rows());
        assertEquals(106, ks2.number(0, "Reading Score"));
        assertEquals(93, ks2.number(0, "Reading Meet Std"));
    }

    @Test
    void regionsCoverEveryLocalAuthorityOfTheCensus() {
        DfeCsv census = DfeCsv.resource("dfe/ksp_england_census.csv");
        for (int i = 0; i < census.rows(); i++) {
            double la = census.number(i, "LA");
            if (!Double.isNaN(la)) {
                assertTrue(!Regions.of((int) la).equals("other"), "LA " + (int) la);
            }
        }
        assertEquals("south_east", Regions.of(886));
        assertEquals("london", Regions.of(213));
        assertEquals("north_east", Regions.of(929));
    }
}
