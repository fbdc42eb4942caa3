package org.padlock.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Proofs that a value resting on fewer pupils than the threshold cannot reach any output format
 * (HTML with its SVG figures, Markdown, Word, CSV, JSON). Over many seeded random models: two
 * models that differ only in their small-cell values and bases give byte-identical outputs in
 * every format (so nothing of a small cell can be read from any output), the small text never
 * appears while the large-basis text always does, every small cell is marked 'suppressed', and
 * every format states the rule with the model's threshold.
 */
class DisclosureProofTest {
    private static final int MODELS = Integer.getInteger("models", 24);

    @TempDir
    Path tmp;

    @Test
    void smallCellsReachNoFormat() throws IOException {
        int smallCells = 0;
        for (long seed = 1; seed <= MODELS; seed++) {
            ReportModel a = RandomReports.model(seed, 1);
            ReportModel b = RandomReports.model(seed, 2);
            Map<String, byte[]> outA = renderAll(a.disclosed(), tmp.resolve("a" + seed));
            Map<String, byte[]> outB = renderAll(b.disclosed(), tmp.resolve("b" + seed));
            assertEquals(outA.keySet(), outB.keySet());
            for (String f : outA.keySet()) {
                assertArrayEquals(outA.get(f), outB.get(f), "seed " + seed + ": " + f + " depends on small-cell values");
            }
            int expectSuppressed = countSmall(a);
            smallCells += expectSuppressed;
            for (Map.Entry<String, byte[]> e : outA.entrySet()) {
                String text = text(e.getKey(), e.getValue());
                String where = "seed " + seed + ", " + e.getKey();
                assertFalse(text.contains(RandomReports.SECRET), where + ": a small text cell leaked");
                if (e.getKey().startsWith("report.")) {
                    assertTrue(text.contains("fewer than " + a.smallCellThreshold() + " pupils"), where + ": rule not stated");
                    boolean hasVisible = a.sections().stream().anyMatch(s -> !s.tables().isEmpty());
                    assertEquals(hasVisible, text.contains(RandomReports.VISIBLE), where + ": positive control");
                }
            }
            String csv = outA.entrySet().stream().filter(e -> e.getKey().endsWith(".csv"))
                    .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).reduce("", String::concat);
            assertEquals(expectSuppressed, occurrences(csv, ReportModel.SUPPRESSED), "seed " + seed + ": cells marked in CSV");
        }
        assertTrue(smallCells > 50, "the random models exercise small cells: " + smallCells);
    }

    @Test
    void forestRowsOnFewPupilsAreNotDrawn() {
        Figure.Forest f = new Figure.Forest("f", "Forest", "Effect sizes", List.of("big", "small"),
                new double[] {0.1, 4.56789}, new double[] {0.0, 3.56789}, new double[] {0.2, 5.56789}, new int[] {200, 9});
        ReportModel m = new ReportModel("t", "s", List.of(new Section("s", "S", List.of(), List.of(), List.of(f))), 10, false);
        ReportModel d = m.disclosed();
        String svg = SvgFigures.render(d.sections().get(0).figures().get(0));
        assertEquals(1, occurrences(svg, "<rect"), "only the large row's point is drawn: " + svg);
        assertTrue(svg.contains("suppressed"), svg);
        Figure.Forest other = new Figure.Forest("f", "Forest", "Effect sizes", List.of("big", "small"),
                new double[] {0.1, -2.0}, new double[] {0.0, -3.0}, new double[] {0.2, -1.0}, new int[] {200, 3});
        ReportModel m2 = new ReportModel("t", "s", List.of(new Section("s", "S", List.of(), List.of(), List.of(other))), 10, false);
        assertEquals(svg, SvgFigures.render(m2.disclosed().sections().get(0).figures().get(0)), "the small row leaves no trace");
        assertEquals(4.56789, f.estimate()[1], "disclosed() leaves the original model unchanged");
        Table data = d.figureTable(d.sections().get(0).figures().get(0));
        assertTrue(data.rows().get(1).get(1).suppressed() && !data.rows().get(0).get(1).suppressed());
        // at the threshold a value is shown
        ReportModel at = new ReportModel("t", "s", List.of(new Section("s", "S", List.of(), List.of(), List.of(f))), 9, false);
        assertTrue(SvgFigures.render(at.disclosed().sections().get(0).figures().get(0)).contains("<rect"));
    }

    @Test
    void undisclosedModelIsRefusedByEveryRenderer() {
        ReportModel m = RandomReports.model(7, 1);
        assertThrows(IllegalStateException.class, () -> HtmlRenderer.render(m));
        assertThrows(IllegalStateException.class, () -> MarkdownRenderer.render(m));
        assertThrows(IllegalStateException.class, () -> DocxRenderer.render(m));
        assertThrows(IllegalStateException.class, () -> ReportWriter.writeReport(m, tmp.resolve("x")));
    }

    @Test
    void cellAtThresholdIsShownAndBelowIsSuppressed() {
        Table t = new Table("t", "T", List.of("Row", "n", "mean"), List.of(
                List.of(Cell.text("at"), Cell.pupils(10), Cell.number(1.2345, 2, 10)),
                List.of(Cell.text("below"), Cell.pupils(9), Cell.number(6.789, 2, 9))), List.of());
        ReportModel d = new ReportModel("t", "s", List.of(new Section("s", "S", List.of(), List.of(t), List.of())), 10, false)
                .disclosed();
        String csv = ReportWriter.csv(d.sections().get(0).tables().get(0));
        assertEquals("Row,n,mean\nat,10,1.23\nbelow,suppressed,suppressed\n", csv);
    }

    private static int countSmall(ReportModel m) {
        int n = 0;
        for (Section s : m.sections()) {
            List<Table> all = new ArrayList<>(s.tables());
            s.figures().forEach(f -> all.add(f.data()));
            for (Table t : all) {
                for (List<Cell> r : t.rows()) {
                    for (Cell c : r) {
                        n += c.basis() >= 0 && c.basis() < m.smallCellThreshold() ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    /** Every output file of the report, by relative name; the Word file as its unpacked parts. */
    static Map<String, byte[]> renderAll(ReportModel m, Path dir) throws IOException {
        ReportWriter.writeReport(m, dir);
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** The searchable text of an output: the Word file's XML parts concatenated. */
    static String text(String name, byte[] bytes) throws IOException {
        if (!name.endsWith(".docx")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                b.append(new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    private static int occurrences(String s, String w) {
        int n = 0;
        for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
            n++;
        }
        return n;
    }
}
