package org.padlock.data.dfe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.padlock.data.Frame;

/**
 * The readers on the Department's own files (test resources {@code dfe/}, copies of the shared
 * {@code data/dfe/original/}). Row counts and missing values by code are compared with
 * {@code reference/dfe/expected.json}, computed by Python's csv module ({@code expected.py}); single
 * values were read from the raw files with awk / Python and cite the file line.
 */
class DfeOriginalFilesTest {
    static final Path DIR = Path.of("src/test/resources/dfe");
    private static final Map<String, DfeFile> FILES = new HashMap<>();
    private static JsonNode expected;

    @BeforeAll
    static void readAll() throws Exception {
        ColumnMapping m = ColumnMapping.shipped();
        expected = new ObjectMapper().readTree(Path.of("src/test/resources/reference/dfe/expected.json").toFile()).get("files");
        Iterator<String> it = expected.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            DfeSource s = f.startsWith("ks2") ? DfeSource.KS2 : f.startsWith("ks4") ? DfeSource.KS4 : DfeSource.CENSUS;
            FILES.put(f, DfeFile.read(DIR.resolve(f), s, m));
        }
        FILES.put("spine.csv", DfeFile.read(DIR.resolve("spine.csv"), DfeSource.SPINE, m));
        FILES.put("gias_20220420.csv", DfeFile.read(DIR.resolve("gias_20220420.csv"), DfeSource.GIAS, m));
    }

    @Test
    void rowCountsAndMissingByCodeMatchAnIndependentReading() {
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        int files = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            DfeFileSummary s = FILES.get(e.getKey()).summary;
            assertEquals(e.getValue().get("rows_read").asInt(), s.rowsRead(), e.getKey() + " rows read");
            assertEquals(e.getValue().get("school_rows").asInt(), s.schoolRows(), e.getKey() + " school rows");
            Map<String, Map<String, Integer>> want = new TreeMap<>();
            e.getValue().get("missing_by_column").fields().forEachRemaining(c -> {
                Map<String, Integer> codes = new TreeMap<>();
                c.getValue().fields().forEachRemaining(k -> codes.put(k.getKey(), k.getValue().asInt()));
                want.put(c.getKey(), codes);
            });
            Map<String, Map<String, Integer>> got = new TreeMap<>(s.missingByColumn());
            // text measures (census SCHOOLTYPE) are not in the Python reading
            got.keySet().removeIf(c -> !want.containsKey(c) && FILES.get(e.getKey()).values.get(c) instanceof String[]);
            assertEquals(want, got, e.getKey() + " missing by column and code");
            files++;
        }
        assertEquals(14, files);
    }

    @Test
    void exactRowCountsAndTotalsByCode() {
        // ks2_2016-850.csv: 331 data rows; RECTYPE 3 on line 236, 5 and 4 on lines 331-332 (awk -F, '$1>2')
        DfeFileSummary s = FILES.get("ks2_2016-850.csv").summary;
        assertEquals(331, s.rowsRead());
        assertEquals(328, s.schoolRows());
        assertEquals(3, s.aggregateRows());
        assertEquals(Map.of("ABSENT", 85, "BLANK", 53, "NA", 9, "SUPP", 77), s.missingByCode());
        // census2019.csv: 394 data rows, 3 LA rows and 3 NAT rows at the end
        DfeFileSummary c = FILES.get("census2019.csv").summary;
        assertEquals(394, c.rowsRead());
        assertEquals(388, c.schoolRows());
        assertEquals(6, c.aggregateRows());
        // gias_20220420.csv: 1,095 establishments... plus one: Python csv counts 1,096 data rows
        assertEquals(1096, FILES.get("gias_20220420.csv").summary.rowsRead());
        assertEquals(413, FILES.get("spine.csv").summary.rowsRead());
    }

    @Test
    void yearsAreRecognisedFromThePriorYearColumns() {
        Map<String, Integer> want = Map.ofEntries(Map.entry("ks2_2016-850.csv", 2017), Map.entry("ks2_2016-936.csv", 2017),
                Map.entry("ks2_2017-850.csv", 2018), Map.entry("ks2_2017-936.csv", 2018), Map.entry("ks2_2018-850.csv", 2019),
                Map.entry("ks2_2018-936.csv", 2019), Map.entry("ks4_2016-2017_850.csv", 2017), Map.entry("ks4_2017-2018_936.csv", 2018),
                Map.entry("ks4_2018-2019_936.csv", 2019), Map.entry("ks4_2018_815.csv", 2018), Map.entry("census2018.csv", 2018),
                Map.entry("census2019.csv", 2019));
        want.forEach((f, y) -> assertEquals(y, FILES.get(f).year, f));
        assertEquals(null, FILES.get("gias_20220420.csv").year);
    }

    @Test
    void ks2ValuesMatchTheRawFile() {
        DfeFile f = FILES.get("ks2_2016-850.csv");
        // line 2: URN 115976, PTRWM_EXP "72%", READPROG 1.2, READ_AVERAGE 107, MAT_AVERAGE 106
        assertEquals(72, num(f, "115976", "PTRWM_EXP_2017"));
        assertEquals(1.2, num(f, "115976", "READPROG_2017"));
        assertEquals(107, num(f, "115976", "READ_AVERAGE_2017"));
        assertEquals(106, num(f, "115976", "MAT_AVERAGE_2017"));
        // line 77: URN 116407, a short row of 24 cells: no results
        assertTrue(Double.isNaN(num(f, "116407", "READ_AVERAGE_2017")));
        // line 188: URN 116268, READ_AVERAGE "SUPP"
        assertTrue(Double.isNaN(num(f, "116268", "READ_AVERAGE_2017")));
        // the 2018-19 file maps PSENELSE to PSENELE (lines cite ks2_meta_2018-2019.csv row 257)
        assertTrue(FILES.get("ks2_2018-850.csv").values.containsKey("PSENELSE_2019"));
    }

    @Test
    void ks4AndCensusValuesMatchTheRawFile() {
        DfeFile k = FILES.get("ks4_2018-2019_936.csv");
        // line 2: URN 139948, ATT8SCR 46, P8MEA 0.22, PTL2BASICS_94 "63%", PT5EM_94 "61%"
        assertEquals(46, num(k, "139948", "ATT8SCR_2019"));
        assertEquals(0.22, num(k, "139948", "P8MEA_2019"));
        assertEquals(63, num(k, "139948", "PTL2BASICS_94_2019"));
        assertEquals(61, num(k, "139948", "PT5EM_2019"));
        // line 3: URN 141200, ATT8SCR 39.2, P8MEA -0.15
        assertEquals(39.2, num(k, "141200", "ATT8SCR_2019"));
        assertEquals(-0.15, num(k, "141200", "P8MEA_2019"));
        DfeFile c18 = FILES.get("census2018.csv");
        // census2018.csv line 3: URN 121293, PNUMFSM 11.8, NUMFSMEVER 4; line 2: URN 112456, NUMFSMEVER "NP"
        assertEquals(11.8, num(c18, "121293", "PNUMFSM_2018"));
        assertEquals(4, num(c18, "121293", "NUMFSMEVER_2018"));
        assertTrue(Double.isNaN(num(c18, "112456", "NUMFSMEVER_2018")));
        DfeFile c19 = FILES.get("census2019.csv");
        // census2019.csv line 4: URN 121268, NOR 63, NUMFSM 7 -> PNUMFSM = 100 * 7 / 63
        assertEquals(7, num(c19, "121268", "NUMFSM_2019"));
        assertEquals(100.0 * 7 / 63, num(c19, "121268", "PNUMFSM_2019"), 1e-12);
        // line 6: URN 121293, PNUMFSMEVER 14.6
        assertEquals(14.6, num(c19, "121293", "PNUMFSMEVER_2019"));
    }

    @Test
    void giasAndSpineTextDatesAndLongRows() {
        DfeFile g = FILES.get("gias_20220420.csv");
        // line 416: URN 116383, "LA (code)" "850", OpenDate "02-02-1972", GOR "South East", 193 pupils, FSM 6.7
        assertEquals("850", txt(g, "116383", "LA_CODE"));
        assertEquals("1972-02-02", txt(g, "116383", "OPEN_DATE"));
        assertEquals("South East", txt(g, "116383", "REGION"));
        assertEquals(193, num(g, "116383", "NUMBER_OF_PUPILS"));
        assertEquals(6.7, num(g, "116383", "PERCENTAGE_FSM"));
        // line 170: URN 116018 has 112 cells (two linked establishments); CloseDate "31-10-2020"
        assertEquals("2020-10-31", txt(g, "116018", "CLOSE_DATE"));
        DfeFile s = FILES.get("spine.csv");
        // spine.csv line 4: URN 121296, LAESTAB 8152043, MINORGROUP "Maintained School", OPENDATE empty
        assertEquals("8152043", txt(s, "121296", "LAESTAB"));
        assertEquals("Maintained School", txt(s, "121296", "MINORGROUP"));
        assertEquals(null, txt(s, "121296", "OPENDATE"));
    }

    @Test
    void multiYearPanelJoinsOnUrn() {
        List<DfeInput> in = new java.util.ArrayList<>();
        for (String f : List.of("ks2_2016-850.csv", "ks2_2016-936.csv", "ks2_2017-850.csv", "ks2_2017-936.csv", "ks2_2018-850.csv", "ks2_2018-936.csv")) {
            in.add(new DfeInput(DfeSource.KS2, DIR.resolve(f)));
        }
        in.add(new DfeInput(DfeSource.CENSUS, DIR.resolve("census2019.csv")));
        in.add(new DfeInput(DfeSource.CENSUS, DIR.resolve("census2018.csv")));
        DfePanelResult r = DfePanel.build(in, ColumnMapping.shipped());
        Frame p = r.panel();
        // union of school URNs: 604 in the KS2 files, 1,020 with the two census years (Python csv)
        assertEquals(1020, p.rowCount());
        assertEquals(8, r.files().size());
        // URN 115976: READ_AVERAGE 107 / 107 / 107 and MAT_AVERAGE 106 / 106 / 107 on lines 2, 86, 95 of
        // ks2_2016-850.csv, ks2_2017-850.csv, ks2_2018-850.csv
        int i = List.of(p.text("URN").values()).indexOf("115976");
        assertArrayEquals(new double[] {107, 107, 107}, new double[] {p.numeric("READ_AVERAGE_2017").get(i),
                p.numeric("READ_AVERAGE_2018").get(i), p.numeric("READ_AVERAGE_2019").get(i)});
        assertArrayEquals(new double[] {106, 106, 107}, new double[] {p.numeric("MAT_AVERAGE_2017").get(i),
                p.numeric("MAT_AVERAGE_2018").get(i), p.numeric("MAT_AVERAGE_2019").get(i)});
        // KS2 columns come first, then census in year order whatever the input order
        List<String> names = p.names();
        assertTrue(names.indexOf("READ_AVERAGE_2019") < names.indexOf("NOR_2018"));
        assertTrue(names.indexOf("PNUMFSM_2018") < names.indexOf("PNUMFSM_2019"));
        // rows sorted by URN as a number
        String[] urns = p.text("URN").values();
        for (int k = 1; k < urns.length; k++) {
            assertTrue(Long.parseLong(urns[k - 1]) < Long.parseLong(urns[k]));
        }
    }

    private static double num(DfeFile f, String urn, String column) {
        return ((double[]) f.values.get(column))[row(f, urn)];
    }

    private static String txt(DfeFile f, String urn, String column) {
        return ((String[]) f.values.get(column))[row(f, urn)];
    }

    private static int row(DfeFile f, String urn) {
        int i = List.of(f.urns).indexOf(urn);
        assertTrue(i >= 0, urn + " not among the school rows of " + f.label);
        return i;
    }
}
