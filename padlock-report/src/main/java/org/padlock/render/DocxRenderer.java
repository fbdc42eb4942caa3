package org.padlock.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Renders a disclosed {@link ReportModel} as a Word document (Office Open XML, written with Apache
 * POI's XWPF): Title and Heading 1 styles, paragraphs, real Word tables with a repeating bold
 * header row and a caption above, footnotes as small paragraphs below, and each figure as its
 * caption, text alternative and data table (a figure's data is what an evaluator re-plots in
 * their own document; embedding a drawing would need a rasteriser such as Batik for SVG). The
 * package is re-zipped with fixed entry times so the same model gives the same bytes.
 */
public final class DocxRenderer {
    /**
     * Page size and margin of A4 landscape (the seeds' impact tables have eight or nine columns),
     * and the text width between the margins, in twips.
     */
    private static final int PAGE_WIDTH = 16838, PAGE_HEIGHT = 11906, MARGIN = 1021, TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    /** Width of one character of table text and the left+right cell padding, in twips (8.5 pt sans-serif). */
    private static final int CHAR_WIDTH = 100, CELL_PADDING = 240;
    /** Table text size in half-points (8.5 pt). */
    private static final int TABLE_SIZE = 17;
    /** Fixed entry time of the zip package, for byte-identical output in any time zone. */
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    static {
        // POI logs through the Log4j API; without a provider Log4j prints an error on first use. Use
        // its built-in simple logger at ERROR level unless the host application chose a provider.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("log4j2.simplelogLevel", "ERROR");
        }
    }

    private DocxRenderer() {
    }

    public static byte[] render(ReportModel m) {
        if (!m.disclosureApplied()) {
            throw new IllegalStateException("the report model has not passed disclosure control");
        }
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setCreated(Optional.empty());
            doc.getProperties().getCoreProperties().setTitle(m.title());
            doc.getProperties().getCoreProperties().setCreator("padlock");
            styles(doc);
            page(doc);
            paragraph(doc, "Title", m.title());
            paragraph(doc, "Subtitle", m.subtitle());
            Numbering n = new Numbering();
            for (Section s : m.sections()) {
                paragraph(doc, "Heading1", s.title());
                for (String p : s.paragraphs()) {
                    paragraph(doc, null, p);
                }
                for (Table t : s.tables()) {
                    table(doc, t, n.table(t));
                }
                for (Figure f : s.figures()) {
                    String label = n.figure(f);
                    paragraph(doc, "Caption", label + ". " + f.title() + ".");
                    paragraph(doc, null, f.alt());
                    table(doc, m.figureTable(f), label + " (data)");
                }
            }
            paragraph(doc, "Note", m.disclosureRule());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return normaliseZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, Table t, String label) {
        paragraph(doc, "Caption", label + ". " + t.caption());
        int cols = t.header().size();
        for (List<Cell> r : t.rows()) {
            cols = Math.max(cols, r.size());
        }
        XWPFTable tbl = doc.createTable(1 + t.rows().size(), Math.max(1, cols));
        tbl.setWidth("100%");
        XWPFTableRow head = tbl.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int j = 0; j < t.header().size(); j++) {
            XWPFTableCell c = head.getCell(j);
            c.setColor("EEF2F7");
            XWPFRun run = c.getParagraphs().get(0).createRun();
            run.setBold(true);
            run.setFontSize(TABLE_SIZE / 2.0);
            run.setText(t.header().get(j));
        }
        int[] widths = columnWidths(t, cols);
        for (XWPFTableRow row : tbl.getRows()) {
            for (int j = 0; j < cols; j++) {
                row.getCell(j).setWidth(Integer.toString(widths[j]));
            }
        }
        boolean[] numericCol = new boolean[cols];
        for (int j = 1; j < cols; j++) {
            numericCol[j] = HtmlRenderer.numericColumn(t, j);
        }
        for (int i = 0; i < t.rows().size(); i++) {
            XWPFTableRow row = tbl.getRow(i + 1);
            row.setCantSplitRow(true);
            List<Cell> r = t.rows().get(i);
            for (int j = 0; j < r.size(); j++) {
                Cell c = r.get(j);
                XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
                if (numericCol[j]) {
                    p.setAlignment(ParagraphAlignment.RIGHT);
                }
                XWPFRun run = p.createRun();
                run.setFontSize(TABLE_SIZE / 2.0);
                run.setItalic(c.suppressed());
                run.setText(HtmlRenderer.plain(c));
            }
        }
        XWPFParagraph last = null;
        for (String note : t.notes()) {
            last = paragraph(doc, "Note", note);
        }
        if (last == null) {
            last = paragraph(doc, "Note", "");
        }
        last.setSpacingAfter(240);
    }

    /**
     * Column widths in twips over the text width: each column gets at least its longest word (of
     * header and cells) at the table font, and the rest of the width is shared in proportion to its
     * longest cell, so short numeric columns stay on one line and long text columns wrap.
     */
    private static int[] columnWidths(Table t, int cols) {
        double[] min = new double[cols];
        double[] full = new double[cols];
        for (int j = 0; j < cols; j++) {
            int word = 4;
            int longest = 4;
            List<String> texts = new java.util.ArrayList<>();
            if (j < t.header().size()) {
                texts.addAll(List.of(t.header().get(j).split(" ")));
            }
            for (List<Cell> r : t.rows()) {
                if (j < r.size()) {
                    String v = HtmlRenderer.plain(r.get(j));
                    longest = Math.max(longest, v.length());
                    texts.addAll(List.of(v.split(" ")));
                }
            }
            for (String w : texts) {
                word = Math.max(word, w.length());
            }
            min[j] = CELL_PADDING + CHAR_WIDTH * Math.min(word, 24);
            full[j] = Math.max(longest, word);
        }
        double sumMin = java.util.Arrays.stream(min).sum();
        double sumFull = java.util.Arrays.stream(full).sum();
        int[] w = new int[cols];
        for (int j = 0; j < cols; j++) {
            w[j] = (int) Math.floor(sumMin >= TEXT_WIDTH ? TEXT_WIDTH * min[j] / sumMin
                    : min[j] + (TEXT_WIDTH - sumMin) * full[j] / sumFull);
        }
        return w;
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        } else {
            p.setSpacingAfter(120);
        }
        p.createRun().setText(text == null ? "" : text);
        return p;
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar mar = sect.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        mar.setTop(margin);
        mar.setBottom(margin);
        mar.setLeft(margin);
        mar.setRight(margin);
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Title", "Title", 40, true, null, 0);
        style(styles, "Subtitle", "Subtitle", 24, false, null, 240);
        style(styles, "Heading1", "heading 1", 30, true, 0, 360);
        style(styles, "Caption", "caption", 20, true, null, 200);
        style(styles, "Note", "Table note", 16, false, null, 0);
    }

    private static void style(XWPFStyles styles, String id, String name, int halfPoints, boolean bold, Integer outline,
                              int spaceBefore) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewQFormat();
        var ppr = s.addNewPPr();
        if (outline != null) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            ppr.addNewKeepNext();
        }
        if (id.equals("Caption")) {
            ppr.addNewKeepNext();
        }
        ppr.addNewSpacing().setBefore(BigInteger.valueOf(spaceBefore));
        CTRPr r = s.addNewRPr();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            r.addNewB();
        }
        styles.addStyle(new XWPFStyle(s));
    }

    /** Rewrites the zip package with a fixed time on every entry (POI stamps the current time). */
    private static byte[] normaliseZip(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry ne = new ZipEntry(e.getName());
                ne.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(ne);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
