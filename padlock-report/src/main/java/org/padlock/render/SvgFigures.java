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
        if (f instanceof Figure.Trends tr) {
            return trends(tr);
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

    /**
     * Line chart of the mean outcome by period: intervention (blue, filled circles) and comparison
     * (orange, open circles), a dashed vertical line between the last pre-period and the first treated
     * period; a suppressed or missing mean breaks its line.
     */
    private static String trends(Figure.Trends f) {
        int w = 640, h = 340, left = 64, right = 24, top = 34, bottom = 46;
        double[] p = f.periods();
        int k = p.length;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] arm : new double[][] {f.intervention(), f.comparison()}) {
            for (double v : arm) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        double pad = hi > lo ? (hi - lo) * 0.1 : Math.max(1e-9, Math.abs(hi) * 0.05 + 0.5);
        final double yLo = lo - pad;
        final double yHi = hi + pad;
        double pLo = p[0], pHi = p[k - 1];
        double span = pHi > pLo ? pHi - pLo : 1;
        double plotW = w - left - right - 20, plotH = h - top - bottom;
        java.util.function.DoubleUnaryOperator xs = v -> left + 10 + (k == 1 ? plotW / 2 : (v - pLo) / span * plotW);
        java.util.function.DoubleUnaryOperator ys = v -> top + (yHi - v) / (yHi - yLo) * plotH;
        StringBuilder s = new StringBuilder(open(f, w, h));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"14\" stroke=\"#1f6feb\" stroke-width=\"2\"/>"
                + "<circle cx=\"%d\" cy=\"14\" r=\"3\" fill=\"#1f6feb\"/><text x=\"%d\" y=\"18\" font-size=\"12\">intervention</text>"
                + "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"14\" stroke=\"#d9822b\" stroke-width=\"2\"/>"
                + "<circle cx=\"%d\" cy=\"14\" r=\"6\" fill=\"#fff\" stroke=\"#d9822b\" stroke-width=\"2\"/>"
                + "<text x=\"%d\" y=\"18\" font-size=\"12\">matched comparison</text>",
                left, left + 24, left + 12, left + 30, left + 130, left + 154, left + 142, left + 160));
        // axes
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, top + (int) plotH, w - right, top + (int) plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                left, top, left, top + (int) plotH));
        for (int t = 0; t <= 4; t++) {
            double v = yLo + (yHi - yLo) * t / 4;
            double y = ys.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left + 1, y, w - right, y, left - 6, y + 4, tick(v, yHi - yLo)));
        }
        for (double v : p) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    xs.applyAsDouble(v), top + (int) plotH + 16, v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">period</text>",
                (left + w - right) / 2, h - 8));
        // first treated period: dashed line half-way between it and the period before
        int ft = 0;
        while (ft < k && p[ft] < f.firstTreated()) {
            ft++;
        }
        if (ft < k) {
            double xl = ft == 0 ? xs.applyAsDouble(p[0]) - 8 : (xs.applyAsDouble(p[ft - 1]) + xs.applyAsDouble(p[ft])) / 2;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#666\" stroke-dasharray=\"5 4\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#444\">programme starts</text>",
                    xl, top, xl, top + (int) plotH, xl + 4, top + 12));
        }
        // comparison first with larger open circles, so equal means show both markers
        series(s, f.comparison(), p, xs, ys, "#d9822b", false);
        series(s, f.intervention(), p, xs, ys, "#1f6feb", true);
        return s.append("</svg>").toString();
    }

    private static void series(StringBuilder s, double[] v, double[] p, java.util.function.DoubleUnaryOperator xs,
                               java.util.function.DoubleUnaryOperator ys, String colour, boolean filled) {
        for (int i = 1; i < v.length; i++) {
            if (!Double.isNaN(v[i - 1]) && !Double.isNaN(v[i])) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>",
                        xs.applyAsDouble(p[i - 1]), ys.applyAsDouble(v[i - 1]), xs.applyAsDouble(p[i]), ys.applyAsDouble(v[i]), colour));
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
                        xs.applyAsDouble(p[i]), ys.applyAsDouble(v[i]), filled ? 3 : 6, filled ? colour : "#fff", colour));
            }
        }
    }

    /** Tick label with enough decimals for the axis range. */
    private static String tick(double v, double range) {
        int d = range >= 20 ? 0 : range >= 2 ? 1 : range >= 0.2 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
