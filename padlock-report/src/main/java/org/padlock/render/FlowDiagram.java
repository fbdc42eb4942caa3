package org.padlock.render;

import java.util.Locale;
import org.padlock.report.Figure;

/**
 * Draws a {@link Figure.Flow} as a CONSORT-style SVG: one row per step, intervention on the left and
 * comparison on the right; stages in solid boxes joined by arrows, exclusions in dashed boxes set to
 * the side. Exclusions of no school are left out of the drawing (they stay in the flow table).
 */
final class FlowDiagram {
    private static final int W = 760;
    private static final int STAGE_H = 50;
    private static final int EXCL_H = 40;
    private static final int GAP = 18;
    private static final int[] COL_X = {30, 400};
    private static final int BOX_W = 330;

    private FlowDiagram() {
    }

    static String render(Figure.Flow f) {
        int h = 40;
        for (Figure.FlowBox b : f.boxes()) {
            if (shown(b)) {
                h += (b.exclusion() ? EXCL_H : STAGE_H) + GAP;
            }
        }
        StringBuilder s = new StringBuilder(SvgFigures.open(f, W, h));
        s.append("<defs><marker id=\"").append(f.id()).append("-arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"4\" refY=\"4\""
                + " orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">Intervention</text>"
                + "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">Comparison</text>", COL_X[0], COL_X[1]));
        int y = 32;
        int lastStageBottom = -1;
        for (Figure.FlowBox b : f.boxes()) {
            if (!shown(b)) {
                continue;
            }
            int bh = b.exclusion() ? EXCL_H : STAGE_H;
            for (int arm = 0; arm < 2; arm++) {
                int x = COL_X[arm];
                int schools = arm == 0 ? b.schoolsIntervention() : b.schoolsComparison();
                int pupils = arm == 0 ? b.pupilsIntervention() : b.pupilsComparison();
                if (b.exclusion()) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\""
                            + " stroke=\"#888\" stroke-dasharray=\"4 3\"/>", x + 40, y, BOX_W - 40, bh));
                    s.append(text(x + 48, y + 15, 11, "Excluded: " + b.label()));
                    s.append(text(x + 48, y + 31, 11, counts(schools, pupils)));
                } else {
                    if (lastStageBottom >= 0) {
                        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\""
                                + " marker-end=\"url(#%s-arrow)\"/>", x + 20, lastStageBottom, x + 20, y - 2, f.id()));
                    }
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eef4fd\""
                            + " stroke=\"#1f6feb\"/>", x, y, BOX_W, bh));
                    s.append(text(x + 8, y + 18, 11, b.label()));
                    s.append(text(x + 8, y + 37, 12, counts(schools, pupils)));
                }
            }
            if (!b.exclusion()) {
                lastStageBottom = y + bh;
            }
            y += bh + GAP;
        }
        return s.append("</svg>").toString();
    }

    private static boolean shown(Figure.FlowBox b) {
        return !b.exclusion() || b.schoolsIntervention() > 0 || b.schoolsComparison() > 0
                || b.pupilsIntervention() > 0 || b.pupilsComparison() > 0;
    }

    static String counts(int schools, int pupils) {
        String sc = schools + (schools == 1 ? " school" : " schools");
        if (pupils == -1) {
            return sc;
        }
        String pu = pupils == Figure.Flow.SUPPRESSED ? "pupils suppressed (fewer than threshold)"
                : String.format(Locale.ROOT, "%,d pupils", pupils);
        return sc + "; " + pu;
    }

    private static String text(int x, int y, int size, String t) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\">%s</text>", x, y, size, Html.esc(t));
    }
}
