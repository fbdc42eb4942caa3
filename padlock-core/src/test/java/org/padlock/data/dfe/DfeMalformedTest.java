package org.padlock.data.dfe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.DataException;
import org.padlock.data.Frame;

/** Malformed and unusual files: each error names file, line and column; odd but valid cells are read right. */
class DfeMalformedTest {
    private static final String CENSUS_HEAD = "URN,LA,ESTAB,NOR,PNUMFSM,NUMFSMEVER";
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static DfePanelResult census(Path p) {
        return DfePanel.build(List.of(new DfeInput(DfeSource.CENSUS, p)), ColumnMapping.shipped());
    }

    @Test
    void wrongDelimiterIsNamed() throws IOException {
        Path p = write("semi.csv", "URN;LA;ESTAB;NOR;PNUMFSM\n100001;850;2000;100;12.5\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertEquals("semi.csv", e.file());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("';'"), e.getMessage());
    }

    @Test
    void headerOfNoKnownLayout() throws IOException {
        Path p = write("odd.csv", "URN,LA,ESTAB,PUPILS\n100001,850,2000,100\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertTrue(e.getMessage().contains("matches no known census layout") && e.getMessage().contains("--columns"), e.getMessage());
    }

    @Test
    void rowLongerThanTheHeaderGivesItsLine() throws IOException {
        Path p = write("long.csv", CENSUS_HEAD + "\r\n100001,850,2000,100,12.5,NP\r\n100002,850,2001,90,10,4,extra\r\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("longer than the header"), e.getMessage());
    }

    @Test
    void duplicatedUrnGivesBothLines() throws IOException {
        Path p = write("dup.csv", CENSUS_HEAD + "\n100001,850,2000,100,12.5,NP\n100002,850,2001,90,10,4\n100001,850,2002,80,5,2\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertEquals("URN", e.column());
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("first on line 2"), e.getMessage());
    }

    @Test
    void duplicatedUrnAcrossTwoFilesOfTheSameYear() throws IOException {
        Path a = write("a.csv", CENSUS_HEAD + "\n100001,850,2000,100,12.5,NP\n");
        Path b = write("b.csv", CENSUS_HEAD + "\n100002,936,2000,100,12.5,NP\n100001,936,2001,90,10,4\n");
        DataException e = assertThrows(DataException.class, () -> DfePanel.build(List.of(new DfeInput(DfeSource.CENSUS, a),
                new DfeInput(DfeSource.CENSUS, b)), ColumnMapping.shipped()));
        assertEquals("b.csv", e.file());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("a.csv"), e.getMessage());
    }

    @Test
    void linesStayRightAfterAnEmptyLine() throws IOException {
        // DuckDB skips empty lines; the reported line must still be the file's
        Path p = write("gap.csv", CENSUS_HEAD + "\n100001,850,2000,100,12.5,NP\n\n100002,850,2001,90,10,4\n100001,850,2002,80,5,2\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("first on line 2"), e.getMessage());
        Path q = write("gap2.csv", CENSUS_HEAD + "\n100001,850,2000,100,12.5,NP\n\n100002,850,2001,90,10,4,extra\n");
        e = assertThrows(DataException.class, () -> census(q));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void aWordInANumericMeasureIsAnErrorNotAMissingValue() throws IOException {
        Path p = write("word.csv", CENSUS_HEAD + "\n100001,850,2000,100,12.5,NP\n100002,850,2001,ninety,10,4\n");
        DataException e = assertThrows(DataException.class, () -> census(p));
        assertEquals("NOR", e.column());
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("'ninety'"), e.getMessage());
    }

    @Test
    void unknownRecordTypeIsAnError() throws IOException {
        Path p = write("ks2.csv", "RECTYPE,URN,READ_AVERAGE,READ_AVERAGE_16\n1,100001,105,104\n9,100002,101,100\n");
        DataException e = assertThrows(DataException.class, () -> DfePanel.build(List.of(new DfeInput(DfeSource.KS2, p)),
                ColumnMapping.shipped()));
        assertEquals("RECTYPE", e.column());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'9'"), e.getMessage());
    }

    @Test
    void bomCrlfShortRowsPercentSpacesAndCodesAreCountedByCode() throws IOException {
        String text = "\uFEFF" + CENSUS_HEAD + "\r\n"
                + "0100001,0850,0012,100,12.5%,NP\r\n"     // zero-padded URN and codes, a percentage
                + "100002,850,2001, ,SUPP,\r\n"           // single space, SUPP, empty
                + "100003,850,2002,80\r\n"                // short row
                + "LA,850,PRI,1000,10,100\r\n"            // LA total
                + "NAT,,PRI,5000,12,600\r\n";             // national total
        Path p = write("quirks.csv", text);
        DfePanelResult r = census(p);
        Frame f = r.panel();
        assertEquals(List.of("100001", "100002", "100003"), List.of(f.text("URN").values()));
        assertEquals(12.5, f.numeric("PNUMFSM_2018").get(0));
        DfeFileSummary s = r.files().get(0);
        assertEquals(5, s.rowsRead());
        assertEquals(3, s.schoolRows());
        assertEquals(2, s.aggregateRows());
        assertEquals(Map.of("SPACE", 1), s.missingByColumn().get("NOR_2018"));
        assertEquals(Map.of("SUPP", 1, "ABSENT", 1), s.missingByColumn().get("PNUMFSM_2018"));
        assertEquals(Map.of("NP", 1, "BLANK", 1, "ABSENT", 1), s.missingByColumn().get("NUMFSMEVER_2018"));
        assertEquals(Map.of("ABSENT", 2, "BLANK", 1, "NP", 1, "SPACE", 1, "SUPP", 1), s.missingByCode());
    }

    @Test
    void textMeasuresKeepZeroPaddingAndDatesBecomeIso() throws IOException {
        Path p = write("spine.csv", "URN,LA,ESTAB,LAESTAB,MINORGROUP,NFTYPE,OPENDATE\n"
                + "100001,0850,0012,08500012,Academy,Academy converter,20190901\n");
        DfePanelResult r = DfePanel.build(List.of(new DfeInput(DfeSource.SPINE, p)), ColumnMapping.shipped());
        assertEquals("0012", r.panel().text("ESTAB").get(0));
        assertEquals("08500012", r.panel().text("LAESTAB").get(0));
        assertEquals("2019-09-01", r.panel().text("OPENDATE").get(0));
        Path bad = write("spine2.csv", "URN,LA,ESTAB,LAESTAB,MINORGROUP,NFTYPE,OPENDATE\n100001,850,12,8500012,Academy,x,2019/09/01\n");
        DataException e = assertThrows(DataException.class, () -> DfePanel.build(List.of(new DfeInput(DfeSource.SPINE, bad)),
                ColumnMapping.shipped()));
        assertEquals("OPENDATE", e.column());
    }

    @Test
    void ks4BeforeTheNewGradesMapsPtac5emToTheStableName() throws IOException {
        // the shipped 2016 layout: PTAC5EM (A*-C in English and maths) continues as PT5EM
        Path ks4 = write("ks4_2016.csv", "RECTYPE,URN,ATT8SCR,PTAC5EM\n1,100001,50.1,60%\n4,,48,55%\n");
        DfePanelResult r = DfePanel.build(List.of(new DfeInput(DfeSource.KS4, ks4)), ColumnMapping.shipped());
        assertEquals(2016, r.files().get(0).year());
        assertEquals(60, r.panel().numeric("PT5EM_2016").get(0));
        assertTrue(r.files().get(0).measuresAbsent().contains("P8MEA"));
    }

    @Test
    void userMappingAddsALayoutAndAMeasure() throws IOException {
        // a layout padlock does not ship: no prior-year columns to date it
        Path ks4 = write("ks4_x.csv", "RECTYPE,URN,ATT8SCR,PT5EM_94,OLDCOL\n1,100001,50.1,60%,3\n4,,48,55%,\n");
        DataException e = assertThrows(DataException.class, () -> DfePanel.build(List.of(new DfeInput(DfeSource.KS4, ks4)),
                ColumnMapping.shipped()));
        assertTrue(e.getMessage().contains("no known ks4 layout"), e.getMessage());
        Path mapping = write("mine.yaml", "sources:\n  ks4:\n    measures:\n      OLD: OLDCOL\n    layouts:\n"
                + "      - year: 2015\n        present: [ATT8SCR, OLDCOL]\n        measures: {ATT8: ATT8SCR}\n");
        DfePanelResult r = DfePanel.build(List.of(new DfeInput(DfeSource.KS4, ks4)), ColumnMapping.load(mapping));
        assertEquals(1, r.panel().rowCount());
        assertEquals(60, r.panel().numeric("PT5EM_2015").get(0));
        assertEquals(3, r.panel().numeric("OLD_2015").get(0));
        assertEquals(50.1, r.panel().numeric("ATT8_2015").get(0));
        assertEquals(50.1, r.panel().numeric("ATT8SCR_2015").get(0));
        // measures of the shipped mapping this file lacks are listed, not invented
        assertTrue(r.files().get(0).measuresAbsent().contains("P8MEA"));
    }

    @Test
    void malformedMappingIsAUsageError() throws IOException {
        Path mapping = write("bad.yaml", "sources:\n  ks5:\n    key: URN\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.load(mapping));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("ks5"), e.getMessage());
        Path typo = write("typo.yaml", "sources:\n  census:\n    layouts:\n      - year: 2020\n        presnt: [NOR]\n");
        e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.load(typo));
        assertTrue(e.getMessage().contains("presnt"), e.getMessage());
        // a stable name in two sources would give two columns the same name
        Path clash = write("clash.yaml", "sources:\n  census:\n    measures:\n      READ_AVERAGE: NOR\n");
        e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.load(clash));
        assertTrue(e.getMessage().contains("READ_AVERAGE") && e.getMessage().contains("ks2"), e.getMessage());
    }
}
