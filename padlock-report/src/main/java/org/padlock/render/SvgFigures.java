package org.padlock.render;

import java.util.Locale;
import org.padlock.report.Figure;

/** Draws the report model's figures as inline SVG (no scripts, no external resources). */
final class SvgFigures {
    /** Width in SVG units of one character of an 11-unit sans-serif label (upper bound for layout). */
    private static final double LABEL_CHAR_WIDTH = 6.2;
    private SvgFigures() {
    }

    /** The figure as inline SVG, or null for a kind of figure this class does not draw (shown as its data). */
    static String render(Figure f) {
        if (f instanceof Figure.Overlap o) {
            return overlap(o);
        }
        if (f instanceof Figure.Love l) {
            return love(l);
        }
        if (f instanceof Figure.Flow fl) {
            return FlowDiagram.render(fl);
        }
        if (f instanceof Figure.Forest fp) {
            return forest(fp);
        }
        return null;
    }

    static String open(Figure f, int w, int h) {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " font-family=\"Helvetica,Arial,sans-serif\" role=\"img\" aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>",
                w, h, w, h, f.id(), f.id(), f.id(), Html.esc(f.title()), f.id(), Html.esc(f.alt()));
    }

    private static String overlap(Figure.Overlap o) {
        int w = 640, h = 320, left = 50, right = 20, top = 20, mid = 160, bottom = 40;
        int[] t = o.treated();
        int[] c = o.control();
        double maxT = 1, maxC = 1;
        for (int i = 0; i < t.length; i++) {
            maxT = Math.max(maxT, t[i]);
            maxC = Math.max(maxC, c[i]);
        }
        double bw = (w - left - right) / (double) t.length;
        StringBuilder s = new StringBuilder(open(o, w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#1f6feb\"/>"
                + "<text x=\"%d\" y=\"13\" font-size=\"12\">intervention (above; tallest bar %d)</text>"
                + "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#d9822b\"/>"
                + "<text x=\"%d\" y=\"13\" font-size=\"12\">comparison (below; tallest bar %d)</text>",
                left, left + 14, (int) maxT, left + 290, left + 304, (int) maxC));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">propensity score</text>",
                (left + w - right) / 2, h - 6));
        for (int i = 0; i < t.length; i++) {
            double x = left + i * bw;
            double ht = (mid - top - 10) * t[i] / maxT;
            double hc = (h - bottom - mid - 10) * c[i] / maxC;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f6feb\"/>",
                    x + 1, mid - ht, bw - 2, ht));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#d9822b\"/>",
                    x + 1, mid, bw - 2, hc));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, mid, w - right, mid));
        for (int k = 0; k <= 4; k++) {
            double x = left + k * (w - left - right) / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.2f</text>",
                    x, h - bottom + 16, k / 4.0));
        }
        return s.append("</svg>").toString();
    }

    private static String love(Figure.Love l) {
        int n = l.variables().size();
        int longest = l.variables().stream().mapToInt(String::length).max().orElse(10);
        int rowH = 18, right = 30, top = 30;
        int left = Math.max(120, Math.min(400, 16 + (int) Math.ceil(longest * LABEL_CHAR_WIDTH)));
        int w = left + 450, h = top + n * rowH + 40;
        double max = 0.25;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(nz(l.before()[i]), nz(l.after()[i])));
        }
        double scale = (w - left - right) / max;
        StringBuilder s = new StringBuilder(open(l, w, h));
        s.append("<text x=\"10\" y=\"16\" font-size=\"12\">|SMD|: open circle before matching, filled after; dashed line at 0.1</text>");
        double x01 = left + 0.1 * scale;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
                x01, top - 5, x01, top + n * rowH));
        for (int i = 0; i < n; i++) {
            double y = top + i * rowH + rowH / 2.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 8, y + 4, Html.esc(l.variables().get(i))));
            if (!Double.isNaN(l.before()[i])) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"none\" stroke=\"#d9822b\"/>",
                        left + l.before()[i] * scale, y));
            }
            if (!Double.isNaN(l.after()[i])) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f6feb\"/>",
                        left + l.after()[i] * scale, y));
            }
        }
        int axisY = top + n * rowH + 5;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, axisY, w - right, axisY));
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.2f</text>",
                    left + v * scale, axisY + 15, v));
        }
        return s.append("</svg>").toString();
    }

    private static String forest(Figure.Forest f) {
        int n = f.labels().size();
        int longest = f.labels().stream().mapToInt(String::length).max().orElse(10);
        int rowH = 20, right = 30, top = 20;
        int left = Math.min(520, 16 + (int) Math.ceil(longest * LABEL_CHAR_WIDTH));
        int w = left + 420, h = top + n * rowH + 40;
        double lo = -0.2, hi = 0.2;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(f.low()[i])) {
                lo = Math.min(lo, f.low()[i]);
                hi = Math.max(hi, f.high()[i]);
            }
        }
        double scale = (w - left - right) / (hi - lo);
        StringBuilder s = new StringBuilder(open(f, w, h));
        double x0 = left + (0 - lo) * scale;
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", x0, top - 5, x0, top + n * rowH));
        for (int i = 0; i < n; i++) {
            double y = top + i * rowH + rowH / 2.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 8, y + 4, Html.esc(f.labels().get(i))));
            if (Double.isNaN(f.estimate()[i])) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">suppressed or not estimated</text>",
                        x0 + 6, y + 4));
                continue;
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f6feb\" stroke-width=\"2\"/>",
                    left + (f.low()[i] - lo) * scale, y, left + (f.high()[i] - lo) * scale, y));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#1f6feb\"/>",
                    left + (f.estimate()[i] - lo) * scale - 4, y - 4));
        }
        int axisY = top + n * rowH + 5;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, axisY, w - right, axisY));
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.2f</text>",
                    left + (v - lo) * scale, axisY + 15, v));
        }
        return s.append("</svg>").toString();
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
