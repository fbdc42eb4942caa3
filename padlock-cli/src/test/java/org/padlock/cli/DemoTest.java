package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs end to end, writes every output, twice gives byte-identical results, and leaks no pupil id. */
class DemoTest {
    @TempDir
    Path dir;

    private int demo(Path out) {
        return Main.execute(new String[] {"demo", "--out", out.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    @Test
    void demoIsCompleteDeterministicAndDisclosed() throws Exception {
        assertEquals(0, demo(dir.resolve("a")));
        assertEquals(0, demo(dir.resolve("b")));
        for (String s : new String[] {"pupil-matched", "school-did"}) {
            Path a = dir.resolve("a").resolve(s);
            for (String f : new String[] {"report.html", "results.json", "manifest.json", "frozen-design.json",
                    "padlock.duckdb", "tables/impact.csv", "tables/balance.csv", "tables/matched_sample.csv", "tables/flow.csv",
                    "tables/mdes.csv"}) {
                assertTrue(Files.exists(a.resolve(f)), s + "/" + f);
            }
            assertArrayEquals(Files.readAllBytes(a.resolve("results.json")),
                    Files.readAllBytes(dir.resolve("b").resolve(s).resolve("results.json")), s + " results.json differs");
            String html = Files.readString(a.resolve("report.html"));
            assertTrue(html.contains("Primary analysis") && html.contains("<svg") && html.contains("Baseline balance"), s);
            assertFalse(html.contains("<script"), "no scripts in the report");
            for (String part : new String[] {"id=\"fig-flow-diagram\"", "Minimum detectable effect size at different stages",
                    "Security classification of the findings", "Executive summary: impact on the primary outcome",
                    "Attrition from allocation"}) {
                assertTrue(html.contains(part), s + ": " + part);
            }
        }
        String pupils = Files.readString(dir.resolve("a/pupil-matched/data/pupils.csv"));
        String firstId = pupils.lines().skip(1).findFirst().orElseThrow().split(",")[0];
        for (String f : new String[] {"report.html", "results.json", "tables/impact.csv", "tables/matched_sample.csv"}) {
            assertFalse(Files.readString(dir.resolve("a/pupil-matched").resolve(f)).contains(firstId),
                    "pupil id " + firstId + " leaked into " + f);
        }
        // a re-run over the same folder reuses the frozen design; a changed covariate is refused
        Path schools = dir.resolve("a/pupil-matched/data/schools.csv");
        Files.writeString(schools, Files.readString(schools).replaceFirst("\n(S\\d+),", "\n$1,"));
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", dir.resolve("a/pupil-matched/data/study.yaml").toString(), "--out",
                dir.resolve("a/pupil-matched").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        String changed = Files.readString(schools);
        int comma = changed.indexOf('\n') + 1;
        String[] lines = changed.split("\n");
        String[] header = lines[0].split(",");
        int x = java.util.Arrays.asList(header).indexOf("ptac5em");
        int tcol = java.util.Arrays.asList(header).indexOf("treated");
        int target = 1;
        while (!lines[target].split(",", -1)[tcol].equals("1")) {
            target++;
        }
        String[] row = lines[target].split(",", -1);
        row[x] = "99.9";
        lines[target] = String.join(",", row);
        Files.writeString(schools, String.join("\n", lines) + "\n");
        assertTrue(comma > 0);
        err = new StringWriter();
        code = Main.execute(new String[] {"run", dir.resolve("a/pupil-matched/data/study.yaml").toString(), "--out",
                dir.resolve("a/pupil-matched").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains("design inputs have changed since the design was frozen"), err.toString());
    }
}
