package org.padlock.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;

/** The CONSORT-style flow diagram: disclosure control of pupil counts, and what the SVG shows. */
class FlowDiagramTest {
    static final Figure.Flow FLOW = new Figure.Flow("flow", "Participant flow", "alt text", List.of(
            new Figure.FlowBox("Schools in the data", false, 14, 84, 2228, 13938),
            new Figure.FlowBox("Missing matching data", true, 0, 9, 0, 1418),
            new Figure.FlowBox("Not selected", true, 0, 0, 0, 0),
            new Figure.FlowBox("Matched", false, 14, 34, 2228, 5834),
            new Figure.FlowBox("Primary outcome missing", true, 0, 0, 9, 54),
            new Figure.FlowBox("Analysed", false, 14, 34, 2219, 5780)));

    @Test
    void disclosureSuppressesPupilCountsBelowTheThreshold() {
        ReportModel m = new ReportModel("t", "s", List.of(new Section("flow", "Flow", List.of(), List.of(), List.of(FLOW))), 10,
                false).disclosed();
        Figure.Flow f = (Figure.Flow) m.sections().get(0).figures().get(0);
        assertEquals(Figure.Flow.SUPPRESSED, f.boxes().get(4).pupilsIntervention(), "9 pupils");
        assertEquals(54, f.boxes().get(4).pupilsComparison());
        assertEquals(Figure.Flow.SUPPRESSED, f.boxes().get(1).pupilsIntervention(), "0 pupils");
        assertEquals(14, f.boxes().get(0).schoolsIntervention(), "school counts are not pupil counts");
        String svg = SvgFigures.render(f);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertTrue(svg.contains("<title id=\"flow-t\">Participant flow</title>"));
        assertTrue(svg.contains("14 schools; 2,228 pupils"));
        assertTrue(svg.contains("34 schools; 5,780 pupils"));
        assertTrue(svg.contains("0 schools; pupils suppressed"), "the 9 pupils are not shown");
        assertFalse(svg.contains(">0 schools; 9 pupils<"));
        assertTrue(svg.contains("Excluded: Missing matching data"));
        assertFalse(svg.contains("Not selected"), "an exclusion of nobody is not drawn");
        assertEquals(4, count(svg, "marker-end"), "two arrows between three stages, in each of two arms");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
