package org.padlock.render;

import java.util.List;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Renders a disclosed {@link ReportModel} as Markdown (CommonMark with GitHub pipe tables): the
 * same sections, paragraphs, numbered tables with captions and footnotes, and each figure as its
 * caption, text alternative and data table. Generic over the model.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(ReportModel m) {
        if (!m.disclosureApplied()) {
            throw new IllegalStateException("the report model has not passed disclosure control");
        }
        StringBuilder b = new StringBuilder(1 << 15);
        b.append("# ").append(inline(m.title())).append("\n\n").append(inline(m.subtitle())).append("\n\n");
        b.append("## Contents\n\n");
        for (Section s : m.sections()) {
            b.append("- [").append(inline(s.title())).append("](#").append(s.id()).append(")\n");
        }
        b.append('\n');
        Numbering n = new Numbering();
        for (Section s : m.sections()) {
            b.append("<a id=\"").append(s.id()).append("\"></a>\n\n## ").append(inline(s.title())).append("\n\n");
            for (String p : s.paragraphs()) {
                b.append(inline(p)).append("\n\n");
            }
            for (Table t : s.tables()) {
                table(b, t, n.table(t));
            }
            for (Figure f : s.figures()) {
                String label = n.figure(f);
                b.append("**").append(label).append(". ").append(inline(f.title())).append(".** ")
                        .append(inline(f.alt())).append("\n\n");
                table(b, m.figureTable(f), label + " (data)");
            }
        }
        b.append("---\n\n").append(inline(m.disclosureRule())).append('\n');
        return b.toString();
    }

    private static void table(StringBuilder b, Table t, String label) {
        b.append("**").append(label).append(". ").append(inline(t.caption())).append("**\n\n|");
        for (String h : t.header()) {
            b.append(' ').append(cell(h)).append(" |");
        }
        b.append("\n|");
        for (int j = 0; j < t.header().size(); j++) {
            b.append(j > 0 && HtmlRenderer.numericColumn(t, j) ? " ---: |" : " --- |");
        }
        b.append('\n');
        for (List<Cell> r : t.rows()) {
            b.append('|');
            for (Cell c : r) {
                String v = cell(HtmlRenderer.plain(c));
                b.append(' ').append(c.suppressed() ? "*" + v + "*" : v).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
        for (String note : t.notes()) {
            b.append("> ").append(inline(note)).append("\n>\n");
        }
        if (!t.notes().isEmpty()) {
            b.setLength(b.length() - 2);
            b.append('\n');
        }
    }

    private static String cell(String s) {
        return escape(s).replace("|", "\\|");
    }

    /** Running text that starts a line: also escapes a leading block marker (heading, quote, list). */
    private static String inline(String s) {
        String e = escape(s);
        if (!e.isEmpty() && "#>-+".indexOf(e.charAt(0)) >= 0) {
            return "\\" + e;
        }
        return e;
    }

    /** Escapes the characters that would start Markdown or HTML markup inside running text. */
    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '<' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
