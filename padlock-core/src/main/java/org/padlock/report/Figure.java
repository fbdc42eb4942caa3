package org.padlock.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data of a figure, with a text alternative. Renderers draw it (SVG); nothing here is visual.
 *
 * <p>Every figure also states its data as a {@link Table} ({@link #data()}): the form in which
 * formats that cannot draw it (Markdown, Word) and readers who cannot see it receive it, and the
 * fallback of a renderer that does not know how to draw a new kind of figure. Every figure takes
 * part in disclosure control through {@link #disclosed(int)}; a new kind of figure must say how.
 */
public sealed interface Figure {
    String id();

    String title();

    /** Text alternative for readers who cannot see the figure. */
    String alt();

    /**
     * The figure's data as a table; pupil-based cells carry their basis so that
     * {@link ReportModel#figureTable(Figure)} suppresses them like any table cell.
     */
    Table data();

    /** This figure with every value resting on fewer than {@code threshold} pupils removed. */
    Figure disclosed(int threshold);

    /**
     * Histogram of propensity scores by arm, on shared bins (counts of schools or units). Counts are
     * of matching units (schools), not pupils, so disclosure control leaves them unchanged.
     */
    record Overlap(String id, String title, String alt, double[] edges, int[] treated, int[] control) implements Figure {
        public Overlap {
            edges = edges.clone();
            treated = treated.clone();
            control = control.clone();
        }

        @Override
        public Table data() {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < treated.length; i++) {
                rows.add(List.of(Cell.text(String.format(Locale.ROOT, "%.2f to %.2f", edges[i], edges[i + 1])),
                        Cell.count(treated[i]), Cell.count(control[i])));
            }
            return new Table(id + "-data", title, List.of("Propensity score bin", "Intervention units", "Comparison units"),
                    rows, List.of());
        }

        @Override
        public Figure disclosed(int threshold) {
            return this;
        }
    }

    /**
     * Absolute standardised differences before and after matching (a love plot). Balance statistics
     * of matching units (schools), not pupil counts: unchanged by disclosure control.
     */
    record Love(String id, String title, String alt, List<String> variables, double[] before, double[] after)
            implements Figure {
        public Love {
            variables = List.copyOf(variables);
            before = before.clone();
            after = after.clone();
        }

        @Override
        public Table data() {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                rows.add(List.of(Cell.text(variables.get(i)), Cell.number(before[i], 3), Cell.number(after[i], 3)));
            }
            return new Table(id + "-data", title, List.of("Variable", "|SMD| before matching", "|SMD| after matching"),
                    rows, List.of());
        }

        @Override
        public Figure disclosed(int threshold) {
            return this;
        }
    }

    /** Effect sizes with 95% intervals (a forest plot); a row whose basis is small is suppressed. */
    record Forest(String id, String title, String alt, List<String> labels, double[] estimate, double[] low,
                  double[] high, int[] basis) implements Figure {
        public Forest {
            labels = List.copyOf(labels);
            estimate = estimate.clone();
            low = low.clone();
            high = high.clone();
            basis = basis.clone();
        }

        @Override
        public Table data() {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                rows.add(List.of(Cell.text(labels.get(i)), Cell.number(estimate[i], 3, basis[i]),
                        Cell.number(low[i], 3, basis[i]), Cell.number(high[i], 3, basis[i])));
            }
            return new Table(id + "-data", title, List.of("Estimate", "Effect size", "95% CI lower", "95% CI upper"),
                    rows, List.of());
        }

        /** Rows resting on fewer than {@code threshold} pupils lose their estimate and interval (NaN). */
        @Override
        public Figure disclosed(int threshold) {
            double[] e = estimate.clone();
            double[] lo = low.clone();
            double[] hi = high.clone();
            for (int i = 0; i < basis.length; i++) {
                if (basis[i] >= 0 && basis[i] < threshold) {
                    e[i] = Double.NaN;
                    lo[i] = Double.NaN;
                    hi[i] = Double.NaN;
                }
            }
            return new Forest(id, title, alt, labels, e, lo, hi, basis);
        }
    }

    /**
     * A CONSORT-style participant flow (DOMAIN.md s. 6): stages, each with the two arms side by side,
     * and exclusion boxes (with their reasons) between them. Pupil counts are -1 when the study has no
     * pupil records and {@link #SUPPRESSED} after disclosure control.
     */
    record Flow(String id, String title, String alt, List<FlowBox> boxes) implements Figure {
        /** A pupil count hidden by disclosure control. */
        public static final int SUPPRESSED = -2;

        public Flow {
            boxes = List.copyOf(boxes);
        }

        @Override
        public Table data() {
            List<List<Cell>> rows = new ArrayList<>();
            for (FlowBox b : boxes) {
                rows.add(List.of(Cell.text(b.label()), Cell.text(b.exclusion() ? "exclusion" : "stage"),
                        Cell.count(b.schoolsIntervention()), Cell.count(b.schoolsComparison()),
                        pupilCell(b.pupilsIntervention()), pupilCell(b.pupilsComparison())));
            }
            return new Table(id + "-data", title, List.of("Stage", "Kind", "Schools (intervention)", "Schools (comparison)",
                    "Pupils (intervention)", "Pupils (comparison)"), rows, List.of());
        }

        private static Cell pupilCell(int n) {
            if (n == SUPPRESSED) {
                return new Cell(null, Double.NaN, 0, 0, true);
            }
            return n < 0 ? Cell.text("n/a") : Cell.pupils(n);
        }

        /** This flow with every pupil count in [0, threshold) replaced by {@link #SUPPRESSED}. */
        @Override
        public Flow disclosed(int threshold) {
            List<FlowBox> out = new ArrayList<>();
            for (FlowBox b : boxes) {
                out.add(new FlowBox(b.label(), b.exclusion(), b.schoolsIntervention(), b.schoolsComparison(),
                        hide(b.pupilsIntervention(), threshold), hide(b.pupilsComparison(), threshold)));
            }
            return new Flow(id, title, alt, out);
        }

        private static int hide(int pupils, int threshold) {
            return pupils >= 0 && pupils < threshold ? SUPPRESSED : pupils;
        }
    }

    /**
     * Mean outcome by period and arm (a trends figure, 000 Appendix Figure 1), intervention versus the
     * matched comparison group, with the first treated period marked. {@code basis*} are the pupils each
     * mean rests on, or -1 when the means are of school-level figures (school-did: published school
     * results, not pupil records); {@code n*} count units (schools). Means resting on fewer than the
     * threshold's pupils are removed by {@link #disclosed(int)}.
     *
     * @param periods      period codes (e.g. years), ascending
     * @param firstTreated the first treated period (a vertical line is drawn before it)
     */
    record Trends(String id, String title, String alt, String outcome, double[] periods, double[] intervention,
                  double[] comparison, int[] nIntervention, int[] nComparison, int[] basisIntervention,
                  int[] basisComparison, double firstTreated) implements Figure {
        public Trends {
            int k = periods.length;
            if (intervention.length != k || comparison.length != k || nIntervention.length != k || nComparison.length != k
                    || basisIntervention.length != k || basisComparison.length != k) {
                throw new IllegalArgumentException("trends arrays must have one entry per period");
            }
            periods = periods.clone();
            intervention = intervention.clone();
            comparison = comparison.clone();
            nIntervention = nIntervention.clone();
            nComparison = nComparison.clone();
            basisIntervention = basisIntervention.clone();
            basisComparison = basisComparison.clone();
        }

        @Override
        public Table data() {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < periods.length; i++) {
                String p = periods[i] == Math.rint(periods[i]) ? Long.toString((long) periods[i]) : Double.toString(periods[i]);
                rows.add(List.of(Cell.text(p + (periods[i] >= firstTreated ? " (treated)" : "")),
                        Cell.number(intervention[i], 2, basisIntervention[i]), Cell.count(nIntervention[i]),
                        Cell.number(comparison[i], 2, basisComparison[i]), Cell.count(nComparison[i])));
            }
            return new Table(id + "-data", title, List.of("Period", "Intervention mean " + outcome, "Intervention units",
                    "Comparison mean " + outcome, "Comparison units"), rows, List.of());
        }

        /** Means resting on fewer than {@code threshold} pupils become NaN (school-level means, basis -1, stay). */
        @Override
        public Figure disclosed(int threshold) {
            double[] a = intervention.clone();
            double[] b = comparison.clone();
            for (int i = 0; i < periods.length; i++) {
                if (basisIntervention[i] >= 0 && basisIntervention[i] < threshold) {
                    a[i] = Double.NaN;
                }
                if (basisComparison[i] >= 0 && basisComparison[i] < threshold) {
                    b[i] = Double.NaN;
                }
            }
            return new Trends(id, title, alt, outcome, periods, a, b, nIntervention, nComparison, basisIntervention,
                    basisComparison, firstTreated);
        }
    }

    /** One box pair of a {@link Flow}: a stage or an exclusion, counts per arm. */
    record FlowBox(String label, boolean exclusion, int schoolsIntervention, int schoolsComparison, int pupilsIntervention,
                   int pupilsComparison) {
    }
}
