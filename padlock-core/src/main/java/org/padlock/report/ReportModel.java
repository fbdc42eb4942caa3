package org.padlock.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole report as plain data. Build it, then pass it through {@link #disclosed()} once: the
 * only form renderers should receive.
 *
 * @param smallCellThreshold cells resting on fewer pupils than this are suppressed
 * @param disclosureApplied  whether {@link #disclosed()} has run
 */
public record ReportModel(String title, String subtitle, List<Section> sections, int smallCellThreshold,
                          boolean disclosureApplied) {
    public ReportModel {
        sections = List.copyOf(sections);
    }

    /**
     * Disclosure control (DOMAIN.md s. 9): every cell and figure row resting on fewer than the
     * threshold of pupils is suppressed and marked; the rule is stated in the report.
     */
    public ReportModel disclosed() {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                List<List<Cell>> rows = new ArrayList<>();
                for (List<Cell> r : t.rows()) {
                    List<Cell> nr = new ArrayList<>();
                    for (Cell c : r) {
                        nr.add(c.basis() >= 0 && c.basis() < smallCellThreshold ? c.suppress() : c);
                    }
                    rows.add(nr);
                }
                tables.add(new Table(t.id(), t.caption(), t.header(), rows, t.notes()));
            }
            List<Figure> figures = new ArrayList<>();
            for (Figure f : s.figures()) {
                if (f instanceof Figure.Forest fp) {
                    double[] e = fp.estimate();
                    double[] lo = fp.low();
                    double[] hi = fp.high();
                    int[] b = fp.basis();
                    for (int i = 0; i < b.length; i++) {
                        if (b[i] >= 0 && b[i] < smallCellThreshold) {
                            e[i] = Double.NaN;
                            lo[i] = Double.NaN;
                            hi[i] = Double.NaN;
                        }
                    }
                    figures.add(new Figure.Forest(fp.id(), fp.title(), fp.alt(), fp.labels(), e, lo, hi, b));
                } else if (f instanceof Figure.Flow fl) {
                    figures.add(fl.disclosed(smallCellThreshold));
                } else {
                    figures.add(f);
                }
            }
            out.add(new Section(s.id(), s.title(), s.paragraphs(), tables, figures));
        }
        return new ReportModel(title, subtitle, out, smallCellThreshold, true);
    }
}
