package org.padlock.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.padlock.balance.BalanceSummary;
import org.padlock.balance.Characteristic;
import org.padlock.balance.GroupComparison;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.BalanceSummaries;
import org.padlock.design.DesignResult;
import org.padlock.design.FrozenDesign;
import org.padlock.report.Cell;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * The seeds' baseline-characteristics tables as report tables: for {@code pupil-matched} studies
 * 000 Tables 4 and 5 (intervention against the whole comparison pool, then against the matched
 * comparison group with the matching weights: n/N (missing), percentage or mean, stars for the
 * significance of the difference), for {@code school-did} studies 003 Table 10 (national level,
 * N (missing), % or mean (SD), standardised difference, as at the freezing of the design). Every
 * factor level is its own row. Statistics: {@link GroupComparison}; pstest's summary table:
 * {@link BalanceSummary}. Pupil-based cells carry their pupil count as disclosure basis.
 */
final class BaselineTables {
    private BaselineTables() {
    }

    /** One characteristic (a column, or one level of a categorical column) of a unit table. */
    private record Variable(String key, String label, double[] x) {
    }

    static Section section(ResolvedPlan rp, StudyInputs in, FrozenDesign frozen) {
        StudyPlan p = rp.plan();
        StudyPlan.Baseline b = p.baseline();
        Map<String, String> labels = b == null ? Map.of() : b.labels();
        Set<String> factors = new HashSet<>(p.matching().factors());
        factors.addAll(p.matching().exact());
        factors.addAll(rp.analysisFactors());
        Frame schools = in.schools();
        String sid = p.data().schools().id();
        NumericColumn t = schools.numeric(p.treatment());
        NumericColumn pool = p.pool() == null ? null : schools.numeric(p.pool());
        Map<String, FrozenDesign.Unit> matched = frozen.byId();
        TextColumn ids = schools.text(sid);
        int n = schools.rowCount();
        int[] treated = new int[n];
        double[] before = new double[n];
        double[] after = new double[n];
        for (int i = 0; i < n; i++) {
            treated[i] = t.get(i) == 1 ? 1 : 0;
            before[i] = treated[i] == 1 || pool == null || pool.get(i) == 1 ? 1 : 0;
            FrozenDesign.Unit u = matched.get(ids.get(i));
            after[i] = u == null ? 0 : u.weight();
        }
        after = BalanceSummaries.pstestWeights(treated, after);
        List<String> schoolVars = b != null && b.schoolVariables() != null ? b.schoolVariables()
                : dedupe(p.matching().covariates(), p.matching().exact(), rp.schoolCovariates());
        List<Variable> sv = variables(schools, schoolVars, factors, labels);
        List<Table> tables = new ArrayList<>();
        List<String> paras = new ArrayList<>();
        if (rp.pupilLevel()) {
            Map<String, Integer> row = new HashMap<>();
            for (int i = 0; i < n; i++) {
                row.put(ids.get(i), i);
            }
            Frame pupils = in.pupils();
            TextColumn ps = pupils.text(p.data().pupils().school());
            StudyPlan.Outcome primary = p.outcomes().stream().filter(o -> "primary".equals(ResolvedPlan.role(o)))
                    .findFirst().orElseThrow();
            TextColumn sub = primary.subset() == null ? null : pupils.text(primary.subset().column());
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < pupils.rowCount(); i++) {
                Integer s = row.get(ps.get(i));
                if (s != null && before[s] > 0 && (sub == null || primary.subset().value().equals(sub.get(i)))) {
                    keep.add(i);
                }
            }
            Frame pf = pupils.select(keep.stream().mapToInt(Integer::intValue).toArray());
            TextColumn pfs = pf.text(p.data().pupils().school());
            int m = pf.rowCount();
            int[] pt = new int[m];
            double[] pb = new double[m];
            double[] pa = new double[m];
            for (int i = 0; i < m; i++) {
                int s = row.get(pfs.get(i));
                pt[i] = treated[s];
                pb[i] = 1;
                pa[i] = after[s];
            }
            List<String> pupilVars = b != null && b.pupilVariables() != null ? b.pupilVariables() : rp.pupilCovariates();
            List<Variable> pv = variables(pf, pupilVars, factors, labels);
            String cohort = primary.subset() == null ? "" : " (pupils of the primary outcome's cohort, "
                    + primary.subset().column() + " = " + primary.subset().value() + ")";
            tables.add(table000("baseline-unmatched", "Baseline comparison (unmatched sample)", sv, treated, before, pv, pt, pb,
                    cohort, false));
            tables.add(table000("baseline-matched", "Baseline comparison (matched sample)", sv, treated, after, pv, pt, pa,
                    cohort, true));
        } else {
            tables.add(table003(sv, treated, after, b == null ? Map.of() : b.national()));
        }
        return new Section("baseline-characteristics", "Baseline characteristics", paras, tables, List.of());
    }

    private static final String STARS = "Stars for statistical significance: p <= 0.10 (*), p <= 0.05 (**), p <= 0.01 (***);"
            + " t-test of the difference in means (pstest's: least squares of the characteristic on treatment, with the"
            + " matching weights as importance weights in the matched sample).";

    private static Table table000(String id, String caption, List<Variable> sv, int[] st, double[] sw, List<Variable> pv,
                                  int[] pt, double[] pw, String cohort, boolean matched) {
        List<List<Cell>> body = new ArrayList<>();
        addBlock(body, "School-level", sv, st, sw, false);
        addBlock(body, "Pupil-level", pv, pt, pw, true);
        List<String> notes = new ArrayList<>(List.of(STARS));
        if (matched) {
            notes.add("Comparison group: the matched comparison schools; percentages and means apply the matching weights,"
                    + " counts are unweighted.");
        } else {
            notes.add("Comparison group: every school in the comparison pool, unweighted.");
        }
        if (!pv.isEmpty()) {
            notes.add("Pupil-level rows: pupils of the schools in each group" + cohort + "; cells resting on fewer pupils than"
                    + " the disclosure threshold are suppressed.");
        }
        return new Table(id, caption, List.of("Variable", "Intervention n/N (missing)", "Intervention % or mean",
                "Comparison n/N (missing)", "Comparison % or mean"), body, notes);
    }

    private static void addBlock(List<List<Cell>> body, String level, List<Variable> vars, int[] t, double[] w, boolean pupil) {
        List<GroupComparison> cat = new ArrayList<>();
        List<GroupComparison> cont = new ArrayList<>();
        List<String> catLabels = new ArrayList<>();
        List<String> contLabels = new ArrayList<>();
        for (Variable v : vars) {
            GroupComparison g = GroupComparison.of(v.key(), v.x(), t, w);
            (g.binary() ? cat : cont).add(g);
            (g.binary() ? catLabels : contLabels).add(v.label());
        }
        if (!cat.isEmpty()) {
            body.add(List.of(Cell.text(level + " (categorical)"), Cell.text("n/N (missing)"), Cell.text("Percentage"),
                    Cell.text("n/N (missing)"), Cell.text("Percentage")));
            for (int k = 0; k < cat.size(); k++) {
                GroupComparison g = cat.get(k);
                body.add(List.of(Cell.text(catLabels.get(k) + g.stars()),
                        countCell(String.format(Locale.ROOT, "%,d/%,d (%,d)", g.countTreated(), g.nTreated(), g.missingTreated()),
                                pupil, g.countTreated(), g.nTreated(), g.missingTreated()),
                        Cell.number(100 * g.meanTreated(), 1, pupil ? g.nTreated() : -1),
                        countCell(String.format(Locale.ROOT, "%,d/%,d (%,d)", g.countControl(), g.nControl(), g.missingControl()),
                                pupil, g.countControl(), g.nControl(), g.missingControl()),
                        Cell.number(100 * g.meanControl(), 1, pupil ? g.nControl() : -1)));
            }
        }
        if (!cont.isEmpty()) {
            body.add(List.of(Cell.text(level + " (continuous)"), Cell.text("N (missing)"), Cell.text("Mean"),
                    Cell.text("N (missing)"), Cell.text("Mean")));
            for (int k = 0; k < cont.size(); k++) {
                GroupComparison g = cont.get(k);
                body.add(List.of(Cell.text(contLabels.get(k) + g.stars()),
                        countCell(String.format(Locale.ROOT, "%,d (%,d)", g.nTreated(), g.missingTreated()), pupil,
                                g.nTreated(), g.missingTreated()),
                        Cell.number(g.meanTreated(), 3, pupil ? g.nTreated() : -1),
                        countCell(String.format(Locale.ROOT, "%,d (%,d)", g.nControl(), g.missingControl()), pupil,
                                g.nControl(), g.missingControl()),
                        Cell.number(g.meanControl(), 3, pupil ? g.nControl() : -1)));
            }
        }
    }

    /** A text cell of counts; for pupils its basis is the smallest positive count shown. */
    private static Cell countCell(String text, boolean pupil, int... counts) {
        int basis = -1;
        if (pupil) {
            basis = Integer.MAX_VALUE;
            for (int c : counts) {
                if (c > 0) {
                    basis = Math.min(basis, c);
                }
            }
            basis = basis == Integer.MAX_VALUE ? 0 : basis;
        }
        return new Cell(text, Double.NaN, -1, basis, false);
    }

    private static Table table003(List<Variable> sv, int[] t, double[] w, Map<String, Double> national) {
        List<List<Cell>> cat = new ArrayList<>();
        List<List<Cell>> cont = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Variable v : sv) {
            GroupComparison g = GroupComparison.of(v.key(), v.x(), t, w);
            if (g.binary() && g.countTreated() == 0 && g.countControl() == 0) {
                absent.add(v.label()); // a level (or 0/1 column) no matched school has: an empty row says nothing
                continue;
            }
            Double nat = national.get(v.key());
            Cell natCell = nat == null ? Cell.text("") : Cell.number(nat, 1);
            if (g.binary()) {
                cat.add(List.of(Cell.text(v.label()), natCell,
                        Cell.text(String.format(Locale.ROOT, "%d (%d)", g.countTreated(), g.missingTreated())),
                        Cell.number(100 * g.meanTreated(), 0),
                        Cell.text(String.format(Locale.ROOT, "%d (%d)", g.countControl(), g.missingControl())),
                        Cell.number(100 * g.meanControl(), 0), Cell.number(g.std(), 2)));
            } else {
                cont.add(List.of(Cell.text(v.label()), natCell,
                        Cell.text(String.format(Locale.ROOT, "%d (%d)", g.nTreated(), g.missingTreated())),
                        Cell.text(String.format(Locale.ROOT, "%.1f (%.2f)", g.meanTreated(), g.sdTreated())),
                        Cell.text(String.format(Locale.ROOT, "%d (%d)", g.nControl(), g.missingControl())),
                        Cell.text(String.format(Locale.ROOT, "%.1f (%.2f)", g.meanControl(), g.sdControl())),
                        Cell.number(g.std(), 2)));
            }
        }
        List<List<Cell>> body = new ArrayList<>();
        if (!cat.isEmpty()) {
            body.add(List.of(Cell.text("School level (categorical)"), Cell.text("National level %"), Cell.text("N (missing)"),
                    Cell.text("%"), Cell.text("N (missing)"), Cell.text("%"), Cell.text("")));
            body.addAll(cat);
        }
        if (!cont.isEmpty()) {
            body.add(List.of(Cell.text("School level (continuous)"), Cell.text("National level mean"),
                    Cell.text("N (missing)"), Cell.text("Mean (SD)"), Cell.text("N (missing)"), Cell.text("Mean (SD)"),
                    Cell.text("")));
            body.addAll(cont);
        }
        List<String> notes = new ArrayList<>(List.of("Matched sample as frozen; comparison schools weighted by their matching weights. Categorical rows:"
                                + " N = schools with the characteristic. Standardised difference: (intervention mean - comparison"
                                + " mean) / intervention SD (MatchIt's ATT standardisation; sqrt(p(1-p)) for a 0/1 row).",
                        "National level: reference values given in the study plan (baseline.national); blank when not given."));
        if (!absent.isEmpty()) {
            notes.add("Not shown: characteristics with no school in either group of the matched sample (" + String.join(", ", absent) + ").");
        }
        return new Table("baseline-frozen", "Baseline characteristics of groups as at pseudo-randomisation (frozen design)",
                List.of("Variable", "National level", "Intervention N (missing)", "Intervention % or mean (SD)",
                        "Comparison N (missing)", "Comparison % or mean (SD)", "Standardised difference"), body, notes);
    }

    private static List<Variable> variables(Frame f, List<String> names, Set<String> factors, Map<String, String> labels) {
        return Characteristic.of(f, names, factors, labels).stream().map(c -> new Variable(c.key(), c.label(), c.x())).toList();
    }

    @SafeVarargs
    private static List<String> dedupe(List<String>... lists) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (List<String> l : lists) {
            s.addAll(l);
        }
        return new ArrayList<>(s);
    }

    /** pstest's summary before and after matching as a report table. */
    static Table pstestSummary(DesignResult d) {
        BalanceSummary s = d.balance().summary();
        List<List<Cell>> body = new ArrayList<>();
        for (BalanceSummary.Sample x : List.of(s.before(), s.after())) {
            body.add(List.of(Cell.text(x == s.before() ? "Unmatched" : "Matched"), Cell.number(x.pseudoR2(), 3),
                    Cell.number(x.lrChi2(), 2), Cell.number(x.lrPValue(), 3), Cell.number(x.meanAbsPctBias(), 1),
                    Cell.number(x.medianAbsPctBias(), 1), Cell.number(x.rubinB(), 1), Cell.number(x.rubinR(), 2)));
        }
        List<String> notes = new ArrayList<>(List.of("As Stata's pstest (psmatch2 4.1.0): a probit of treatment on the matching"
                + " covariates re-fitted on the unmatched sample and on the matched sample (matching weights as importance"
                + " weights: treated 1, controls psmatch2's _weight); pseudo-R2, likelihood-ratio chi2 and p; mean and"
                + " median |% bias|; Rubin's B (absolute standardised % difference of the means of the linear index) and R"
                + " (ratio of treated to comparison variances of the index). Rubin (2001) suggests B < 25 and R in [0.5, 2]."));
        notes.addAll(s.before().diagnostics());
        notes.addAll(s.after().diagnostics());
        return new Table("balance-summary", "Summary of balance (pstest)", List.of("Sample", "Pseudo-R2", "LR chi2",
                "p > chi2", "Mean |% bias|", "Median |% bias|", "Rubin's B", "Rubin's R"), body, notes);
    }
}
