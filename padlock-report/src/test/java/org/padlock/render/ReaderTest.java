package org.padlock.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.padlock.demo.PupilMatchedDemo;
import org.padlock.demo.SchoolDidDemo;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;
import org.padlock.study.StudyResult;
import org.padlock.study.StudyRunner;

/**
 * The report as a reader meets it. Both demo studies are run into {@code target/reader/}; their
 * {@code report.html} is loaded in headless Chromium (no console message, no network request,
 * every section, table and figure present; screenshots saved under {@code target/reader/}), their
 * {@code report.docx} is opened with POI (real tables) and converted to PDF by LibreOffice, and no
 * pupil identifier of the input appears in any output file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderTest {
    private static final long SEED = 20170901L;
    private static final Path ROOT = Path.of("target", "reader").toAbsolutePath();
    private final Map<String, StudyResult> studies = new LinkedHashMap<>();

    @BeforeAll
    void runDemos() throws IOException {
        Files.createDirectories(ROOT);
        Path a = ROOT.resolve("pupil-matched");
        Path b = ROOT.resolve("school-did");
        PupilMatchedDemo.write(a.resolve("data"), SEED);
        SchoolDidDemo.write(b.resolve("data"), SEED);
        for (Path dir : List.of(a, b)) {
            StudyResult r = StudyRunner.run(dir.resolve("data").resolve("study.yaml"), new StudyRunner.Options(dir, true, s -> { }));
            ReportWriter.write(r, dir);
            studies.put(dir.getFileName().toString(), r);
        }
    }

    @Test
    void htmlInHeadlessChromium() throws Exception {
        Chromium chromium = new Chromium(ExternalTool.require("chromium", "chromium-browser", "google-chrome"),
                Files.createDirectories(ROOT.resolve("chromium")));
        for (Map.Entry<String, StudyResult> e : studies.entrySet()) {
            Path html = ROOT.resolve(e.getKey()).resolve("report.html");
            Chromium.Load load = chromium.load(html);
            assertEquals(0, load.exit(), e.getKey());
            assertEquals(List.of(), load.console(), e.getKey() + ": console messages");
            assertEquals(List.of(), load.pageRequests(), e.getKey() + ": network requests");
            ReportModel m = e.getValue().report();
            for (Section s : m.sections()) {
                assertTrue(load.dom().contains("<section id=\"" + s.id() + "\""), e.getKey() + ": section " + s.id());
                assertTrue(load.dom().contains(">" + Html.esc(s.title()) + "</h2>"), e.getKey() + ": heading " + s.title());
                for (Table t : s.tables()) {
                    assertTrue(load.dom().contains("<table id=\"tab-" + t.id() + "\""), e.getKey() + ": table " + t.id());
                }
                for (Figure f : s.figures()) {
                    Matcher fig = Pattern.compile("<figure id=\"fig-" + Pattern.quote(f.id()) + "\">(.*?)</figure>", Pattern.DOTALL)
                            .matcher(load.dom());
                    assertTrue(fig.find(), e.getKey() + ": figure " + f.id());
                    String body = fig.group(1);
                    boolean drawn = body.contains("<svg") && body.contains("<title id=") && body.contains("<desc id=");
                    boolean asData = !body.contains("<svg") && body.contains("<table id=\"fig-" + f.id() + "-data\"");
                    assertTrue((drawn || asData) && body.contains("<figcaption>") && body.contains(Html.esc(f.alt())),
                            e.getKey() + ": figure " + f.id() + " is drawn with a title and description, or shown as"
                                    + " its data, and has a caption with its text alternative");
                }
            }
            Path png = ROOT.resolve(e.getKey() + ".png");
            assertEquals(0, chromium.screenshot(html, png, 1280, 32000), "screenshot");
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1280, img.getWidth());
            tiles(img, ROOT.resolve(e.getKey() + "-page"));
        }
    }

    /** The checks above can fail: a page that loads an external image and runs a script is caught. */
    @Test
    void chromiumHarnessCatchesRequestsAndConsoleErrors() throws Exception {
        Chromium chromium = new Chromium(ExternalTool.require("chromium", "chromium-browser", "google-chrome"),
                Files.createDirectories(ROOT.resolve("chromium-control")));
        Path bad = ROOT.resolve("control.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>x</p>"
                + "<img src=\"http://127.0.0.1:9/x.png\" alt=\"x\"><script>console.error('control')</script></body></html>");
        Chromium.Load load = chromium.load(bad);
        assertTrue(load.pageRequests().contains("http://127.0.0.1:9/x.png"), load.pageRequests().toString());
        assertTrue(load.console().stream().anyMatch(l -> l.contains("control")), load.console().toString());
    }

    @Test
    void htmlIsSelfContained() throws IOException {
        for (String s : studies.keySet()) {
            String html = Files.readString(ROOT.resolve(s).resolve("report.html"));
            Matcher m = Pattern.compile("(?i)\\b(src|href|action|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
            while (m.find()) {
                assertTrue(m.group(2).startsWith("#"), s + ": " + m.group());
            }
            assertFalse(Pattern.compile("(?i)<script|@import|url\\((?!#)|<link|<iframe|<object|<embed").matcher(html).find(), s);
            assertTrue(html.contains("default-src 'none'"), s + ": Content-Security-Policy");
            assertTrue(html.contains("@media print"), s + ": print stylesheet");
        }
    }

    @Test
    void docxHasRealTablesAndConvertsInLibreOffice() throws Exception {
        String office = ExternalTool.require("libreoffice", "soffice");
        for (Map.Entry<String, StudyResult> e : studies.entrySet()) {
            Path docx = ROOT.resolve(e.getKey()).resolve("report.docx");
            ReportModel m = e.getValue().report();
            int tables = 0;
            for (Section s : m.sections()) {
                tables += s.tables().size() + s.figures().size();
            }
            try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
                assertEquals(tables, d.getTables().size(), e.getKey() + ": one Word table per table and figure");
                XWPFTable first = d.getTables().get(0);
                assertTrue(first.getRow(0).isRepeatHeader(), "header row repeats");
                Table t = m.sections().get(0).tables().get(0);
                assertEquals(t.header().get(0), first.getRow(0).getCell(0).getText());
                assertEquals(t.rows().size() + 1, first.getNumberOfRows());
                long headings = d.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).count();
                assertEquals(m.sections().size(), headings, "one Heading 1 per section");
            }
            Path out = Files.createDirectories(ROOT.resolve("pdf-" + e.getKey()));
            int exit = ExternalTool.run(List.of(office, "-env:UserInstallation=" + ROOT.resolve("lo-profile").toUri(), "--headless",
                    "--convert-to", "pdf", "--outdir", out.toString(), docx.toString()), ROOT.resolve("lo-out.txt"),
                    ROOT.resolve("lo-err.txt"), 180);
            Path pdf = out.resolve("report.pdf");
            assertEquals(0, exit, Files.readString(ROOT.resolve("lo-err.txt")));
            assertTrue(Files.exists(pdf) && Files.size(pdf) > 10_000, "LibreOffice produced " + pdf);
            byte[] head = Files.readAllBytes(pdf);
            assertEquals("%PDF", new String(head, 0, 4, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void noPupilIdentifierInAnyOutput() throws IOException {
        Path dir = ROOT.resolve("pupil-matched");
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("data").resolve("pupils.csv")).subList(1, 100)) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        assertTrue(ids.size() > 10);
        Pattern idShape = Pattern.compile("P\\d{6}");
        assertTrue(ids.stream().allMatch(i -> idShape.matcher(i).matches()), "demo pupil ids look like P000001");
        Set<String> all = new HashSet<>();
        Files.readAllLines(dir.resolve("data").resolve("pupils.csv")).stream().skip(1)
                .forEach(l -> all.add(l.substring(0, l.indexOf(','))));
        List<Path> outputs;
        try (Stream<Path> w = Files.walk(dir)) {
            outputs = w.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("data"))).toList();
        }
        assertTrue(outputs.size() > 20, outputs.toString());
        List<String> leaks = new ArrayList<>();
        for (Path p : outputs) {
            String text = DisclosureProofTest.text(p.toString(), Files.readAllBytes(p));
            if (!p.toString().endsWith(".docx")) {
                text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            }
            Matcher m = idShape.matcher(text);
            while (m.find()) {
                if (all.contains(m.group())) {
                    leaks.add(dir.relativize(p) + ": " + m.group());
                    break;
                }
            }
        }
        assertEquals(List.of(), leaks, "pupil identifiers in outputs");
    }

    @Test
    void everyFormatHasEverySectionAndTheRule() throws IOException {
        for (Map.Entry<String, StudyResult> e : studies.entrySet()) {
            Path d = ROOT.resolve(e.getKey());
            ReportModel m = e.getValue().report();
            String md = Files.readString(d.resolve("report.md"));
            String docx = DisclosureProofTest.text("report.docx", Files.readAllBytes(d.resolve("report.docx")));
            String html = Files.readString(d.resolve("report.html"));
            for (String text : List.of(md, docx, html)) {
                assertTrue(text.contains("fewer than " + m.smallCellThreshold() + " pupils"), e.getKey());
            }
            for (Section s : m.sections()) {
                assertTrue(md.contains("## " + s.title().replace("_", "\\_")), e.getKey() + " md: " + s.title());
                assertTrue(docx.contains(Html.esc(s.title()).replace("&quot;", "\"")), e.getKey() + " docx: " + s.title());
                for (Table t : s.tables()) {
                    assertTrue(Files.exists(d.resolve("tables").resolve("report-" + t.id() + ".csv")), t.id());
                    assertTrue(Files.exists(d.resolve("tables").resolve("report-" + t.id() + ".json")), t.id());
                }
                for (Figure f : s.figures()) {
                    assertTrue(Files.exists(d.resolve("tables").resolve("figure-" + f.id() + ".csv")), f.id());
                }
            }
        }
    }

    /**
     * End to end: the pupil-matched demo re-run with a threshold of 2000 pupils. Every report cell
     * that rests on 10 to 1999 pupils (shown in the default run) must be suppressed: its text
     * appears in no output file of the strict run (HTML, Markdown, Word, CSV, JSON, results).
     */
    @Test
    void raisedThresholdSuppressesEverywhereEndToEnd() throws IOException {
        int strictThreshold = 2000;
        Path src = ROOT.resolve("pupil-matched").resolve("data");
        Path dir = ROOT.resolve("pupil-matched-strict");
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, data.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path plan = data.resolve("study.yaml");
        String yaml = Files.readString(plan);
        assertTrue(yaml.contains("small_cell_threshold: 10\n"));
        Files.writeString(plan, yaml.replace("small_cell_threshold: 10\n", "small_cell_threshold: " + strictThreshold + "\n"));
        StudyResult strict = StudyRunner.run(plan, new StudyRunner.Options(dir, true, s -> { }));
        ReportWriter.write(strict, dir);
        assertEquals(strictThreshold, strict.report().smallCellThreshold());
        List<String> hidden = new ArrayList<>();
        for (Section s : studies.get("pupil-matched").report().sections()) {
            for (Table t : s.tables()) {
                for (List<org.padlock.report.Cell> r : t.rows()) {
                    for (org.padlock.report.Cell c : r) {
                        String text = HtmlRenderer.plain(c);
                        if (c.basis() >= 10 && c.basis() < strictThreshold && text.length() >= 6) {
                            hidden.add(text);
                        }
                    }
                }
            }
        }
        assertTrue(hidden.size() >= 8, "the strict threshold hides cells shown by default: " + hidden);
        for (org.padlock.study.AnalysisRow a : studies.get("pupil-matched").analyses()) {
            if (a.intervention().n() >= 10 && a.intervention().n() < strictThreshold) {
                hidden.add(Double.toString(a.intervention().mean()));
                hidden.add(Double.toString(a.effectSize()));
                hidden.add(Double.toString(a.pValue()));
            }
        }
        List<Path> outputs;
        try (Stream<Path> w = Files.walk(dir)) {
            outputs = w.filter(Files::isRegularFile).filter(p -> !p.startsWith(data)).filter(p -> !p.toString().endsWith(".duckdb")).toList();
        }
        List<String> leaks = new ArrayList<>();
        for (Path p : outputs) {
            String text = DisclosureProofTest.text(p.toString(), Files.readAllBytes(p));
            for (String h : hidden) {
                if (text.contains(h) || text.contains(Html.esc(h))) {
                    leaks.add(dir.relativize(p) + ": " + h);
                }
            }
        }
        assertEquals(List.of(), leaks, "values under the raised threshold in outputs");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("fewer than " + strictThreshold + " pupils"), "the rule states the plan's threshold");
    }

    /** Cuts a tall screenshot into 1280x1400 tiles, dropping the blank bottom, for looking at. */
    private static void tiles(BufferedImage img, Path prefix) throws IOException {
        int bottom = img.getHeight() - 1;
        while (bottom > 0 && blankRow(img, bottom)) {
            bottom--;
        }
        assertTrue(bottom < img.getHeight() - 50, "the whole page fits the screenshot");
        for (int y = 0, k = 1; y <= bottom; y += 1400, k++) {
            int h = Math.min(1400, bottom + 1 - y);
            ImageIO.write(img.getSubimage(0, y, img.getWidth(), h), "png", prefix.resolveSibling(prefix.getFileName() + "-" + k + ".png").toFile());
        }
    }

    private static boolean blankRow(BufferedImage img, int y) {
        for (int x = 0; x < img.getWidth(); x += 4) {
            if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                return false;
            }
        }
        return true;
    }
}
