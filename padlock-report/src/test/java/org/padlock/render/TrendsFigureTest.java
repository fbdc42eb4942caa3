package org.padlock.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/** The trends figure: its data table, disclosure control of pupil-based means, and what the SVG draws. */
class TrendsFigureTest {
    static final Figure.Trends PUPILS = new Figure.Trends("trends-y", "Mean outcome by period", "alt text", "y",
            new double[] {2015, 2016, 2017, 2018}, new double[] {100.5, 101.25, 101.75, 103.5},
            new double[] {100.25, 101.0, 777.125, 102.0}, new int[] {20, 20, 20, 19}, new int[] {20, 20, 20, 18},
            new int[] {400, 380, 390, 350}, new int[] {420, 410, 7, 380}, 2018);

    @Test
    void dataTableAndDisclosure() {
        ReportModel m = new ReportModel("t", "s", List.of(new Section("impact", "Impact", List.of(), List.of(), List.of(PUPILS))),
                10, false).disclosed();
        Figure.Trends f = (Figure.Trends) m.sections().get(0).figures().get(0);
        assertTrue(Double.isNaN(f.comparison()[2]), "a mean resting on 7 pupils is removed");
        assertEquals(101.0, f.comparison()[1], 0);
        assertEquals(103.5, f.intervention()[3], 0);
        Table t = m.figureTable(PUPILS);
        assertEquals(4, t.rows().size());
        assertEquals("2018 (treated)", t.rows().get(3).get(0).text());
        assertEquals("2017", t.rows().get(2).get(0).text());
        assertTrue(t.rows().get(2).get(3).suppressed(), "the figure's data table suppresses the same mean");
        assertFalse(t.rows().get(2).get(1).suppressed());
        String md = MarkdownRenderer.render(m);
        assertFalse(md.contains("777"), "the suppressed value appears nowhere");
        String svg = SvgFigures.render(f);
        assertFalse(svg.contains("777"));
    }

    @Test
    void svgDrawsBothArmsAndTheStartLine() {
        String svg = SvgFigures.render(PUPILS);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertTrue(svg.contains("<title id=\"trends-y-t\">Mean outcome by period</title>"));
        assertTrue(svg.contains("programme starts"));
        assertEquals(8 + 2, count(svg, "<circle"), "four points per arm plus two legend markers");
        assertEquals(1, count(svg, "stroke-dasharray"), "one start line");
        for (String year : new String[] {">2015<", ">2016<", ">2017<", ">2018<"}) {
            assertTrue(svg.contains(year), year);
        }
        // start line half-way between the 2017 and 2018 positions
        double x17 = circleX(svg, 2), x18 = circleX(svg, 3);
        String dash = svg.substring(svg.lastIndexOf("<line", svg.indexOf("stroke-dasharray")));
        double xl = Double.parseDouble(dash.replaceAll("(?s)^<line x1=\"([0-9.]+)\".*", "$1"));
        assertEquals((x17 + x18) / 2, xl, 0.11);
        Figure.Trends gap = (Figure.Trends) PUPILS.disclosed(10);
        String g = SvgFigures.render(gap);
        assertEquals(7 + 2, count(g, "<circle"), "the suppressed mean is not drawn");
        assertEquals(count(svg, "<line") - 2, count(g, "<line"),
                "and the two comparison segments touching it are not drawn");
    }

    /** x of the i-th data circle of the first series drawn (the comparison arm). */
    private static double circleX(String svg, int i) {
        int at = svg.indexOf("</text>", svg.indexOf("period</text>"));
        for (int k = 0; k <= i; k++) {
            at = svg.indexOf("<circle cx=\"", at + 1);
        }
        String s = svg.substring(at + 12);
        return Double.parseDouble(s.substring(0, s.indexOf('"')));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
