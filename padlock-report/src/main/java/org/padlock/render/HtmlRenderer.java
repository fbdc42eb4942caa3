package org.padlock.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Renders a disclosed {@link ReportModel} as one self-contained HTML page: inline CSS and SVG,
 * no scripts and no network requests (a Content-Security-Policy of {@code default-src 'none'}
 * forbids any); tables with captions and header cells; figures with SVG title and description,
 * a caption and their data as a table. Generic over the model: any section, table or figure
 * renders; a figure kind {@link SvgFigures} cannot draw is shown as its data table.
 */
public final class HtmlRenderer {
    private static final String CSS = "body{font-family:Georgia,serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
            + "h1{font-size:1.7em;margin-bottom:.2em}header p{color:#555;margin-top:0}"
            + "h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}"
            + ".tw{overflow-x:auto}"
            + "table{border-collapse:collapse;margin:1em 0 .4em 0;font-size:.85em;font-family:Helvetica,Arial,sans-serif}"
            + "caption{text-align:left;font-weight:bold;padding:.3em 0;caption-side:top}"
            + "th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}"
            + "thead th{background:#eef2f7;text-align:left}tbody th{font-weight:normal;text-align:left}"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
            + "td.sup{color:#777;font-style:italic}.notes{font-size:.8em;color:#444;margin:0 0 1.2em 0}.notes p{margin:.15em 0}"
            + "figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;display:block}"
            + "figcaption{font-size:.85em;color:#444;margin-top:.3em}details{font-size:.85em;margin:.3em 0}"
            + "nav ul{columns:2;padding-left:1.2em}footer{border-top:1px solid #ccc;margin-top:2em;font-size:.85em;color:#444}"
            + "@media print{body{max-width:none;margin:0;font-size:10pt}nav{display:none}a{color:inherit;text-decoration:none}"
            + "h2{page-break-after:avoid;break-after:avoid}table,figure,.notes{page-break-inside:avoid;break-inside:avoid}"
            + ".tw{overflow:visible}details{display:none}@page{margin:1.5cm}}";

    /** Text that reads as a number with optional bracketed detail ("0.004 (-0.122; 0.131)", "2204 (24)"). */
    private static final Pattern NUMERIC_TEXT = Pattern.compile("-|(< )?[-+]?(GBP )?[0-9][0-9.,]*( \\([^)]*\\))?");

    private HtmlRenderer() {
    }

    public static String render(ReportModel m) {
        if (!m.disclosureApplied()) {
            throw new IllegalStateException("the report model has not passed disclosure control");
        }
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(m.title())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>").append(Html.esc(m.title())).append("</h1><p>").append(Html.esc(m.subtitle())).append("</p></header>\n");
        b.append("<nav aria-label=\"Contents\"><h2>Contents</h2><ul>");
        for (Section s : m.sections()) {
            b.append("<li><a href=\"#").append(Html.esc(s.id())).append("\">").append(Html.esc(s.title())).append("</a></li>");
        }
        b.append("</ul></nav>\n<main>\n");
        Numbering n = new Numbering();
        for (Section s : m.sections()) {
            b.append("<section id=\"").append(Html.esc(s.id())).append("\" aria-labelledby=\"h-").append(Html.esc(s.id()))
                    .append("\"><h2 id=\"h-").append(Html.esc(s.id())).append("\">").append(Html.esc(s.title())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                b.append("<p>").append(Html.esc(p)).append("</p>\n");
            }
            for (Table t : s.tables()) {
                table(b, t, n.table(t), "tab-" + t.id());
            }
            for (Figure f : s.figures()) {
                figure(b, m, f, n.figure(f));
            }
            b.append("</section>\n");
        }
        b.append("</main>\n<footer><p>").append(Html.esc(m.disclosureRule())).append("</p></footer>\n");
        return b.append("</body></html>\n").toString();
    }

    private static void figure(StringBuilder b, ReportModel m, Figure f, String label) {
        Table data = m.figureTable(f);
        String svg = SvgFigures.render(f);
        b.append("<figure id=\"fig-").append(Html.esc(f.id())).append("\">");
        if (svg != null) {
            b.append(svg);
        } else {
            table(b, data, label + " (data)", "fig-" + f.id() + "-data");
        }
        b.append("<figcaption><strong>").append(Html.esc(label)).append(". ").append(Html.esc(f.title())).append(".</strong> ")
                .append(Html.esc(f.alt())).append("</figcaption>");
        if (svg != null) {
            b.append("<details><summary>Data of ").append(Html.esc(label.toLowerCase(Locale.ROOT))).append("</summary>");
            table(b, data, label + " (data)", "fig-" + f.id() + "-data");
            b.append("</details>");
        }
        b.append("</figure>\n");
    }

    private static void table(StringBuilder b, Table t, String label, String id) {
        b.append("<div class=\"tw\"><table id=\"").append(Html.esc(id)).append("\"><caption>").append(Html.esc(label))
                .append(". ").append(Html.esc(t.caption())).append("</caption><thead><tr>");
        for (String h : t.header()) {
            b.append("<th scope=\"col\">").append(Html.esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        boolean[] numericCol = new boolean[t.header().size()];
        for (int j = 1; j < numericCol.length; j++) {
            numericCol[j] = numericColumn(t, j);
        }
        for (List<Cell> r : t.rows()) {
            b.append("<tr>");
            for (int j = 0; j < r.size(); j++) {
                Cell c = r.get(j);
                if (j == 0) {
                    b.append("<th scope=\"row\">").append(Html.esc(plain(c))).append("</th>");
                } else if (c.suppressed()) {
                    b.append("<td class=\"sup\">").append(ReportModel.SUPPRESSED).append("</td>");
                } else if (c.isText()) {
                    b.append(j < numericCol.length && numericCol[j] ? "<td class=\"num\">" : "<td>")
                            .append(Html.esc(c.text())).append("</td>");
                } else {
                    b.append(j < numericCol.length && numericCol[j] ? "<td class=\"num\">" : "<td>").append(format(c)).append("</td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n");
        if (!t.notes().isEmpty()) {
            b.append("<div class=\"notes\">");
            for (String note : t.notes()) {
                b.append("<p>").append(Html.esc(note)).append("</p>");
            }
            b.append("</div>\n");
        }
    }

    /** Whether a cell reads as a number (a number cell, or text such as "0.004 (-0.122; 0.131)"). */
    static boolean numeric(Cell c) {
        return !c.suppressed() && (!c.isText() || NUMERIC_TEXT.matcher(c.text()).matches());
    }

    /** Whether every non-empty, non-suppressed cell of column {@code j} reads as a number. */
    static boolean numericColumn(Table t, int j) {
        boolean any = false;
        for (List<Cell> r : t.rows()) {
            if (j < r.size() && !r.get(j).suppressed() && !(r.get(j).isText() && r.get(j).text().isEmpty())) {
                if (!numeric(r.get(j))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A numeric cell with its decimals; empty for NaN. */
    static String format(Cell c) {
        if (Double.isNaN(c.value())) {
            return "";
        }
        if (Double.isInfinite(c.value())) {
            return c.value() > 0 ? "Inf" : "-Inf";
        }
        if (c.decimals() == 0) {
            return String.format(Locale.ROOT, "%,d", Math.round(c.value()));
        }
        return String.format(Locale.ROOT, "%." + c.decimals() + "f", c.value());
    }

    /** A cell as plain text, for CSV, Markdown and Word. */
    static String plain(Cell c) {
        if (c.suppressed()) {
            return ReportModel.SUPPRESSED;
        }
        return c.isText() ? c.text() : format(c).replace(",", "");
    }
}
