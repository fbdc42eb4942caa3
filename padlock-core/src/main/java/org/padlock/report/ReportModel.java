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
    /** The word a suppressed value is shown as, in every format. */
    public static final String SUPPRESSED = "suppressed";

    public ReportModel {
        sections = List.copyOf(sections);
    }

    /**
     * Disclosure control (DOMAIN.md s. 9): every cell and figure row resting on fewer than the
     * threshold of pupils is suppressed and marked; the rule is stated in the report. The model
     * this is called on is left unchanged.
     */
    public ReportModel disclosed() {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                tables.add(disclose(t));
            }
            List<Figure> figures = new ArrayList<>();
            for (Figure f : s.figures()) {
                figures.add(f.disclosed(smallCellThreshold));
            }
            out.add(new Section(s.id(), s.title(), s.paragraphs(), tables, figures));
        }
        return new ReportModel(title, subtitle, out, smallCellThreshold, true);
    }

    /** The data of a figure of this report as a table, through the same cell-level disclosure control. */
    public Table figureTable(Figure f) {
        return disclose(f.data());
    }

    /** The rule applied, in the words every format states it. */
    public String disclosureRule() {
        return "Disclosure control: every count or statistic resting on fewer than " + smallCellThreshold
                + " pupils is suppressed and shown as '" + SUPPRESSED + "'; pupil identifiers never appear in this report.";
    }

    private Table disclose(Table t) {
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Cell> r : t.rows()) {
            List<Cell> nr = new ArrayList<>();
            for (Cell c : r) {
                nr.add(c.basis() >= 0 && c.basis() < smallCellThreshold ? c.suppress() : c);
            }
            rows.add(nr);
        }
        return new Table(t.id(), t.caption(), t.header(), rows, t.notes());
    }
}
