package org.padlock.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.padlock.design.SearchCandidate;
import org.padlock.design.SearchResult;
import org.padlock.report.Cell;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/** The specification search's log as a report section and a CSV table, so that the choice is disclosed. */
final class SearchTables {
    private SearchTables() {
    }

    private static final List<String> HEADER = List.of("Candidate", "Covariates", "Distance", "Ratio", "Replacement",
            "Caliper", "Status", "Median |% bias|, key variables", "Mean |% bias|, key variables", "Treated matched",
            "Controls matched", "Chosen");

    /** The report with the search section inserted after the balance section (or appended). */
    static ReportModel withSearch(ReportModel r, SearchResult s) {
        List<List<Cell>> body = new ArrayList<>();
        for (SearchCandidate c : s.candidates()) {
            body.add(List.of(Cell.count(c.index()), Cell.text(String.join(", ", c.spec().covariates())),
                    Cell.text(c.spec().distance().label()), Cell.count(c.spec().ratio()),
                    Cell.text(c.spec().replace() ? "with" : "without"), Cell.text(caliper(c)),
                    Cell.text(c.ok() ? "matched" : "failed: " + c.message()), Cell.number(c.keyMedianAbsPctBias(), 2),
                    Cell.number(c.keyMeanAbsPctBias(), 2), Cell.count(c.nTreatedMatched()), Cell.count(c.nControlMatched()),
                    Cell.text(c.index() == s.chosen() ? "yes" : "")));
        }
        Table t = new Table("specification-search", "Specification search: every candidate and its balance", HEADER, body,
                List.of("Selection rule: " + SearchResult.RULE + ".", "Key variables: " + String.join(", ", s.keyVariables())
                                + ". % bias as pstest (unmatched variances in the denominator; weighted means after matching),"
                                + " computed on each candidate's own sample.",
                        "The search ran on the design columns only (outcome-blind), before the design was frozen."));
        String para = String.format(Locale.ROOT, "%d candidate specifications were matched; candidate %d was chosen (%s).",
                s.candidates().size(), s.chosen(), s.candidates().get(s.chosen()).describe());
        Section sec = new Section("specification-search", "Specification search", List.of(para), List.of(t), List.of());
        List<Section> out = new ArrayList<>();
        boolean added = false;
        for (Section x : r.sections()) {
            out.add(x);
            if (x.id().equals("balance")) {
                out.add(sec);
                added = true;
            }
        }
        if (!added) {
            out.add(sec);
        }
        return new ReportModel(r.title(), r.subtitle(), out, r.smallCellThreshold(), r.disclosureApplied());
    }

    static List<List<String>> csv(SearchResult s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("candidate", "covariates", "distance", "ratio", "replace", "caliper", "caliper_scale", "status",
                "key_median_abs_pct_bias", "key_mean_abs_pct_bias", "n_treated_matched", "n_control_matched", "chosen"));
        for (SearchCandidate c : s.candidates()) {
            rows.add(List.of(Integer.toString(c.index()), String.join(" ", c.spec().covariates()), c.spec().distance().label(),
                    Integer.toString(c.spec().ratio()), Boolean.toString(c.spec().replace()),
                    Double.isNaN(c.spec().caliper()) ? "" : Double.toString(c.spec().caliper()),
                    c.spec().caliperScale().name().toLowerCase(Locale.ROOT), c.ok() ? "ok" : "failed",
                    num(c.keyMedianAbsPctBias()), num(c.keyMeanAbsPctBias()), Integer.toString(c.nTreatedMatched()),
                    Integer.toString(c.nControlMatched()), c.index() == s.chosen() ? "1" : "0"));
        }
        return rows;
    }

    private static String caliper(SearchCandidate c) {
        return Double.isNaN(c.spec().caliper()) ? "none" : c.spec().caliper() + " ("
                + c.spec().caliperScale().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
