package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.Frame;
import org.padlock.data.TableReader;

/** {@code padlock dfe-panel} on the Department's original files (padlock-core test resources). */
class DfePanelCommandTest {
    private static final Path DFE = Path.of("../padlock-core/src/test/resources/dfe");
    @TempDir
    Path dir;

    private static String f(String name) {
        return DFE.resolve(name).toString();
    }

    @Test
    void csvPanelAndJsonSummary() throws IOException {
        Path out = dir.resolve("panel.csv");
        CliRun o = run("dfe-panel", "--ks2", f("ks2_2016-850.csv") + "," + f("ks2_2017-850.csv"), "--census", f("census2019.csv"),
                "--out", out.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        JsonNode first = j.get("files").get(0);
        assertEquals("ks2_2016-850.csv", first.get("file").asText());
        assertEquals(2017, first.get("year").asInt());
        assertEquals(331, first.get("rows_read").asInt());
        assertEquals(328, first.get("school_rows").asInt());
        // counts by code as in reference/dfe/expected.json (Python csv reading)
        assertEquals(77, first.get("missing_by_code").get("SUPP").asInt());
        assertEquals(9, first.get("missing_by_code").get("NA").asInt());
        assertEquals(85, first.get("missing_by_code").get("ABSENT").asInt());
        assertEquals(53, first.get("missing_by_code").get("BLANK").asInt());
        // census2019.csv: NA in school rows over the census measures, reference/dfe/expected.json (24+21+21+24+21)
        assertEquals(111, j.get("files").get(2).get("missing_by_code").get("NA").asInt());
        Frame p = TableReader.read(out, Set.of("URN"));
        assertEquals(j.get("schools").asInt(), p.rowCount());
        int i = List.of(p.text("URN").values()).indexOf("115976");
        // ks2_2016-850.csv line 2 and ks2_2017-850.csv line 86: READ_AVERAGE 107, PTRWM_EXP 72%
        assertEquals(107, p.numeric("READ_AVERAGE_2017").get(i));
        assertEquals(107, p.numeric("READ_AVERAGE_2018").get(i));
        assertEquals(72, p.numeric("PTRWM_EXP_2017").get(i));
        // same inputs, same bytes
        Path again = dir.resolve("again.csv");
        assertEquals(0, run("dfe-panel", "--ks2", f("ks2_2016-850.csv") + "," + f("ks2_2017-850.csv"), "--census", f("census2019.csv"),
                "--out", again.toString()).code());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void parquetPanel() {
        Path out = dir.resolve("panel.parquet");
        CliRun o = run("dfe-panel", "--ks4", f("ks4_2018-2019_936.csv"), "--gias", f("gias_20220420.csv"), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Frame p = TableReader.read(out, Set.of("URN"));
        int i = List.of(p.text("URN").values()).indexOf("139948");
        // ks4_2018-2019_936.csv line 2: ATT8SCR 46, P8MEA 0.22
        assertEquals(46, p.numeric("ATT8SCR_2019").get(i));
        assertEquals(0.22, p.numeric("P8MEA_2019").get(i));
        assertTrue(p.has("REGION"));
    }

    @Test
    void badFileIsExitThreeNamingFileAndLine() throws IOException {
        Path semi = dir.resolve("ks2_semi.csv");
        Files.writeString(semi, "RECTYPE;URN;READ_AVERAGE\n1;100001;105\n");
        Path out = dir.resolve("panel.csv");
        CliRun o = run("dfe-panel", "--ks2", semi.toString(), "--out", out.toString());
        assertEquals(3, o.code());
        assertTrue(o.err().contains("ks2_semi.csv") && o.err().contains("line 1"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(out));
        Path dup = dir.resolve("census_dup.csv");
        Files.writeString(dup, "URN,LA,ESTAB,NOR,PNUMFSM\n100001,850,2000,100,12.5\n100001,850,2001,90,10\n");
        o = run("dfe-panel", "--ks2", f("ks2_2016-936.csv"), "--census", dup.toString(), "--out", out.toString());
        assertEquals(3, o.code());
        assertTrue(o.err().contains("census_dup.csv") && o.err().contains("line 3") && o.err().contains("'URN'"), o.err());
    }

    @Test
    void usageErrorsAreExitTwo() throws IOException {
        assertEquals(2, run("dfe-panel", "--ks2", f("ks2_2016-850.csv"), "--out", dir.resolve("p.txt").toString()).code());
        assertEquals(2, run("dfe-panel", "--census", f("census2019.csv"), "--out", dir.resolve("p.csv").toString()).code());
        Path bad = dir.resolve("map.yaml");
        Files.writeString(bad, "sources:\n  ks9: {}\n");
        CliRun o = run("dfe-panel", "--ks2", f("ks2_2016-850.csv"), "--columns", bad.toString(), "--out", dir.resolve("p.csv").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("map.yaml"), o.err());
    }
}
