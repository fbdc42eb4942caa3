package org.padlock.render;

import java.util.List;
import java.util.Locale;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Renders a disclosed {@link ReportModel} as one self-contained HTML page: inline CSS and SVG,
 * no scripts and no network requests; tables with captions and header cells; figures with text
 * alternatives.
 */
public final class HtmlRenderer {
    private static final String CSS = "body{font-family:Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
            + "h1{font-size:1.7em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:.9em;font-family:Helvetica,Arial,sans-serif}"
            + "caption{text-align:left;font-weight:bold;padding:.3em 0}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}"
            + "th{background:#eef2f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}"
            + "td.sup{color:#888;font-style:italic}.notes{font-size:.8em;color:#444;margin:-.6em 0 1em 0}"
            + "figure{margin:1em 0}figcaption{font-size:.85em;color:#444}nav ul{columns:2}"
            + "@media print{nav{display:none}h2{page-break-before:auto}table,figure{page-break-inside:avoid}}";

    private HtmlRenderer() {
    }

    public static String render(ReportModel m) {
        if (!m.disclosureApplied()) {
            throw new IllegalStateException("the report model has not passed disclosure control");
        }
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Html.esc(m.title())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>").append(Html.esc(m.title())).append("</h1><p>").append(Html.esc(m.subtitle())).append("</p></header>\n");
        b.append("<nav aria-label=\"Contents\"><ul>");
        for (Section s : m.sections()) {
            b.append("<li><a href=\"#").append(s.id()).append("\">").append(Html.esc(s.title())).append("</a></li>");
        }
        b.append("</ul></nav>\n<main>\n");
        for (Section s : m.sections()) {
            b.append("<section id=\"").append(s.id()).append("\"><h2>").append(Html.esc(s.title())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                b.append("<p>").append(Html.esc(p)).append("</p>\n");
            }
            for (Table t : s.tables()) {
                table(b, t);
            }
            for (Figure f : s.figures()) {
                b.append("<figure id=\"fig-").append(f.id()).append("\">").append(SvgFigures.render(f))
                        .append("<figcaption>").append(Html.esc(f.title())).append(". ").append(Html.esc(f.alt()))
                        .append("</figcaption></figure>\n");
            }
            b.append("</section>\n");
        }
        b.append("<footer><p>Disclosure control: values resting on fewer than ").append(m.smallCellThreshold())
                .append(" pupils are suppressed; pupil identifiers never appear in this report.</p></footer>\n");
        return b.append("</main></body></html>\n").toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append("<table id=\"tab-").append(t.id()).append("\"><caption>").append(Html.esc(t.caption())).append("</caption><thead><tr>");
        for (String h : t.header()) {
            b.append("<th scope=\"col\">").append(Html.esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<Cell> r : t.rows()) {
            b.append("<tr>");
            for (int j = 0; j < r.size(); j++) {
                Cell c = r.get(j);
                String tag = j == 0 ? "th scope=\"row\"" : "td";
                String close = j == 0 ? "th" : "td";
                if (c.suppressed()) {
                    b.append("<").append(j == 0 ? tag : "td class=\"sup\"").append(">suppressed</").append(close).append(">");
                } else if (c.isText()) {
                    b.append("<").append(tag).append(">").append(Html.esc(c.text())).append("</").append(close).append(">");
                } else {
                    b.append("<").append(j == 0 ? tag : "td class=\"num\"").append(">").append(format(c)).append("</").append(close).append(">");
                }
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>\n");
        if (!t.notes().isEmpty()) {
            b.append("<div class=\"notes\">");
            for (String n : t.notes()) {
                b.append("<p>").append(Html.esc(n)).append("</p>");
            }
            b.append("</div>\n");
        }
    }

    /** A numeric cell with its decimals; empty for NaN. */
    static String format(Cell c) {
        if (Double.isNaN(c.value())) {
            return "";
        }
        if (c.decimals() == 0) {
            return String.format(Locale.ROOT, "%,d", Math.round(c.value()));
        }
        return String.format(Locale.ROOT, "%." + c.decimals() + "f", c.value());
    }

    /** A cell as plain text, for CSV and Markdown. */
    static String plain(Cell c) {
        if (c.suppressed()) {
            return "suppressed";
        }
        return c.isText() ? c.text() : format(c).replace(",", "");
    }
}
