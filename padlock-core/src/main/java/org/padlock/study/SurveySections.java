package org.padlock.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.design.MatchedSample;
import org.padlock.report.Cell;
import org.padlock.report.Section;
import org.padlock.report.Table;
import org.padlock.survey.Comparison;
import org.padlock.survey.CrossTab;
import org.padlock.survey.ItemSummary;
import org.padlock.survey.ResponseRate;
import org.padlock.survey.SurveyAnalysis;
import org.padlock.survey.SurveyJson;
import org.padlock.survey.SurveyResponses;
import org.padlock.survey.SurveySpec;

/**
 * The report's process-evaluation section from the plan's {@code surveys:} ({@link SurveyPlan}):
 * response rates, item summaries, instrument comparisons in the layout of seed 003 Tables 25 and
 * 26, group comparisons in the layout of Table 33, a table of how many "significant" tests survive
 * Holm and Benjamini-Hochberg adjustment, and cross-tabulations. It arranges results of
 * {@link SurveyAnalysis}; counts below the plan's small-cell threshold are suppressed by the report
 * model's disclosure control (respondents are schools, but the plan's threshold is applied).
 */
final class SurveySections {
    /** Group tables longer than this show only the rows with raw p < 0.05, as 003 Table 33 does. */
    static final int MAX_GROUP_ROWS = 20;
    static final double ALPHA = 0.05;

    private SurveySections() {
    }

    /** The surveys of a plan, validated; {@code matched} (may be null before the design stage) restricts comparison populations. */
    record Loaded(SurveySpec spec, Map<String, SurveyResponses> responses, Map<String, Integer> sampled,
                  Map<String, String> population, List<String> notes) {
    }

    /** Validates the surveys of a plan (no-op without {@code surveys:}); bad data is a {@link DataException}. */
    static void check(ResolvedPlan rp, StudyInputs in) {
        if (rp.plan().surveys() != null) {
            load(rp, in, null);
        }
    }

    static Loaded load(ResolvedPlan rp, StudyInputs in, MatchedSample matched) {
        SurveyPlan sp = rp.plan().surveys();
        String label = rp.planFile().getFileName().toString();
        SurveySpec spec = SurveySpec.load(rp.resolve(sp.instruments()));
        List<String> names = spec.instruments().stream().map(SurveySpec.Instrument::name).toList();
        for (String n : sp.data().keySet()) {
            if (!names.contains(n)) {
                throw new PlanException(label + ": surveys.data." + n + ": no such instrument in " + sp.instruments() + "; its instruments are " + names);
            }
            String pop = sp.data().get(n).populationOrDefault();
            if (!List.of("treated", "comparison", "all").contains(pop)) {
                throw new PlanException(label + ": surveys.data." + n + ".population must be treated, comparison or all; found \"" + pop + "\"");
            }
        }
        for (int k = 0; k < sp.compare().size(); k++) {
            SurveyPlan.Compare c = sp.compare().get(k);
            need(label, sp, c.a(), "surveys.compare[" + k + "].a");
            need(label, sp, c.b(), "surveys.compare[" + k + "].b");
        }
        for (int k = 0; k < sp.groups().size(); k++) {
            need(label, sp, sp.groups().get(k).instrument(), "surveys.groups[" + k + "].instrument");
        }
        Frame schools = in.schools();
        String idCol = rp.plan().data().schools().id();
        String[] schoolIds = schools.text(idCol).values();
        double[] treated = schools.numeric(rp.plan().treatment()).values();
        Map<String, Integer> arm = new HashMap<>();
        int nTreated = 0;
        for (int i = 0; i < schoolIds.length; i++) {
            arm.put(schoolIds[i], treated[i] == 1 ? 1 : 0);
            nTreated += treated[i] == 1 ? 1 : 0;
        }
        java.util.Set<String> comparators = new java.util.HashSet<>();
        if (matched != null) {
            int[] t = matched.treated();
            double[] w = matched.weight();
            for (int i = 0; i < t.length; i++) {
                if (t[i] == 0 && w[i] > 0) {
                    comparators.add(matched.ids().get(i));
                }
            }
        }
        Map<String, SurveyResponses> out = new LinkedHashMap<>();
        Map<String, Integer> sampled = new LinkedHashMap<>();
        Map<String, String> population = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, SurveyPlan.Source> e : sp.data().entrySet()) {
            SurveyResponses r = SurveyResponses.read(spec, e.getKey(), rp.resolve(e.getValue().file()));
            String pop = e.getValue().populationOrDefault();
            population.put(e.getKey(), pop);
            if (!pop.equals("all")) {
                int want = pop.equals("treated") ? 1 : 0;
                for (int i = 0; i < r.size(); i++) {
                    Integer a = arm.get(r.id(i));
                    if (a == null || a != want) {
                        throw new DataException(r.source(), i, r.instrument().id(), "population " + pop + ": respondent "
                                + r.id(i) + (a == null ? " is not a school of " + schools.source()
                                : " is a " + (a == 1 ? "treated" : "comparison") + " school"));
                    }
                }
            }
            if (pop.equals("comparison") && matched != null) {
                int before = r.size();
                SurveyResponses all = r;
                r = r.select(IntStream.range(0, before).filter(i -> comparators.contains(all.id(i))).toArray());
                notes.add(String.format(Locale.ROOT, "%s: %d of %d respondents are among the %d matched comparison schools and are"
                        + " analysed; the others were not matched and are excluded.", r.instrument().title(), r.size(), before,
                        comparators.size()));
            }
            out.put(e.getKey(), r);
            sampled.put(e.getKey(), switch (pop) {
                case "treated" -> nTreated;
                case "comparison" -> matched == null ? 0 : comparators.size();
                default -> e.getValue().sampled() == null ? 0 : e.getValue().sampled();
            });
        }
        for (SurveyPlan.Group g : sp.groups()) {
            out.get(g.instrument()).groups(g.column(), schools, idCol);
        }
        return new Loaded(spec, out, sampled, population, notes);
    }

    private static void need(String label, SurveyPlan sp, String name, String key) {
        if (!sp.data().containsKey(name)) {
            throw new PlanException(label + ": " + key + ": instrument '" + name + "' has no entry in surveys.data; given: " + sp.data().keySet());
        }
    }

    /** The process-evaluation section of the surveys {@code l} ({@link #load}), or nothing when there are none ({@code null}). */
    static List<Section> build(ResolvedPlan rp, StudyInputs in, Loaded l) {
        SurveyPlan sp = rp.plan().surveys();
        if (l == null) {
            return List.of();
        }
        int threshold = rp.smallCell();
        List<Table> tables = new ArrayList<>();
        tables.add(rates(l));
        tables.add(summaries(l));
        List<List<Cell>> family = new ArrayList<>();
        int t = 0;
        for (SurveyPlan.Compare c : sp.compare()) {
            SurveyResponses a = l.responses().get(c.a()), b = l.responses().get(c.b());
            List<Comparison> rows = SurveyAnalysis.compareInstruments(a, b);
            String title = c.title() != null ? c.title() : "Comparison of " + a.instrument().title() + " (n=" + a.size() + ") and "
                    + b.instrument().title() + " (n=" + b.size() + ")";
            tables.add(comparisonTable("survey-compare-" + (++t), title, a.instrument().title(), b.instrument().title(), rows,
                    false, threshold));
            family.add(familyRow(title, rows));
        }
        String idCol = rp.plan().data().schools().id();
        int g = 0;
        for (SurveyPlan.Group gr : sp.groups()) {
            SurveyResponses r = l.responses().get(gr.instrument());
            String[] levels = r.groups(gr.column(), in.schools(), idCol);
            List<Comparison> rows = SurveyAnalysis.compareGroups(r, levels);
            String title = gr.title() != null ? gr.title() : r.instrument().title() + " (n=" + r.size() + ") by " + gr.column();
            g++;
            tables.add(comparisonTable("survey-group-" + g, title, gr.column(), gr.column(), rows, true, threshold));
            family.add(familyRow(title, rows));
            if (SurveyAnalysis.levels(levels).size() > 2) {
                tables.add(omnibus("survey-omnibus-" + g, title, SurveyAnalysis.associations(r, levels), l.spec()));
            }
            if (Boolean.TRUE.equals(gr.crosstab())) {
                tables.add(crossTabs("survey-crosstab-" + g, r, levels, gr.column(), threshold));
            }
        }
        tables.add(new Table("survey-multiplicity", "How many \"significant\" differences survive multiple-comparison control",
                List.of("Table of tests", "Tests", "Raw p < 0.05", "Expected by chance alone", "Holm p < 0.05", "BH p < 0.05"),
                family, List.of("Student's t-test p-values (the seed's test); Holm controls the family-wise error rate, "
                        + "Benjamini-Hochberg the false discovery rate, each over the whole table.")));
        List<String> paras = new ArrayList<>();
        paras.add("Survey items are Likert statements (5 = strongly agree ... 1 = strongly disagree, plus don't know). % agree ="
                + " agree + strongly agree, of the respondents who answered the item (don't know included); mean ratings exclude"
                + " don't know. Differences are tested, as in the evaluation report this layout follows, by a two-tailed Student's"
                + " t-test on the ratings at p < 0.05; because a survey table holds many such tests, each table also shows Holm and"
                + " Benjamini-Hochberg adjusted p-values, and a two-proportion test of % agree (R's prop.test, with continuity"
                + " correction). Welch, chi-square and Fisher exact tests are in the JSON output of padlock survey.");
        paras.add("Respondents are schools (headteachers or senior leaders), not pupils; the study's small-cell threshold ("
                + threshold + ") is applied to their counts all the same, and to percentages and tests resting on them.");
        paras.addAll(l.notes());
        return List.of(new Section("surveys", "Process evaluation: surveys", paras, tables, List.of()));
    }

    /**
     * The survey results for {@code results.json} (the same analyses as the report section, keys as
     * {@code padlock survey --json}, docs/cli-survey.md), through {@link SurveyJson}'s small-cell rule:
     * counts below the plan's threshold, and percentages and tests resting on them, are null.
     */
    static Map<String, Object> results(ResolvedPlan rp, StudyInputs in, Loaded l) {
        SurveyPlan sp = rp.plan().surveys();
        SurveyJson sj = new SurveyJson(rp.smallCell());
        List<Object> rates = new ArrayList<>(), summaries = new ArrayList<>(), comparisons = new ArrayList<>(), tabs = new ArrayList<>();
        for (Map.Entry<String, SurveyResponses> e : l.responses().entrySet()) {
            SurveyResponses r = e.getValue();
            Map<String, Object> rate = sj.responseRate(new ResponseRate(e.getKey(), r.instrument().title(), r.size(),
                    l.sampled().get(e.getKey())));
            rate.put("population", l.population().get(e.getKey()));
            rates.add(rate);
            for (ItemSummary is : SurveyAnalysis.summarise(r)) {
                Map<String, Object> m = sj.summary(is, l.spec().statement(is.item()));
                m.put("instrument", e.getKey());
                summaries.add(m);
            }
        }
        for (SurveyPlan.Compare c : sp.compare()) {
            SurveyResponses a = l.responses().get(c.a()), b = l.responses().get(c.b());
            comparisons.add(sj.table("instruments", c.title() != null ? c.title() : c.a() + " vs " + c.b(), null,
                    SurveyAnalysis.compareInstruments(a, b)));
        }
        String idCol = rp.plan().data().schools().id();
        for (SurveyPlan.Group g : sp.groups()) {
            SurveyResponses r = l.responses().get(g.instrument());
            String[] levels = r.groups(g.column(), in.schools(), idCol);
            Map<String, Object> t = sj.table("groups", g.title() != null ? g.title() : g.instrument() + " by " + g.column(),
                    g.column(), SurveyAnalysis.compareGroups(r, levels));
            t.put("instrument", g.instrument());
            t.put("omnibus", SurveyAnalysis.associations(r, levels).stream().map(sj::association).toList());
            comparisons.add(t);
            if (Boolean.TRUE.equals(g.crosstab())) {
                for (SurveySpec.Item it : r.items()) {
                    tabs.add(sj.crossTab(SurveyAnalysis.crossTab(r, it, levels, g.column())));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instruments", rates);
        out.put("summaries", summaries);
        out.put("comparisons", comparisons);
        out.put("crosstabs", tabs);
        out.put("notes", l.notes());
        out.put("small_cell_threshold", rp.smallCell());
        return out;
    }

    private static Table rates(Loaded l) {
        List<List<Cell>> body = new ArrayList<>();
        for (Map.Entry<String, SurveyResponses> e : l.responses().entrySet()) {
            SurveyResponses r = e.getValue();
            int s = l.sampled().get(e.getKey());
            body.add(List.of(Cell.text(r.instrument().title()), Cell.text(l.population().get(e.getKey())),
                    s > 0 ? Cell.count(s) : Cell.text("not known"), Cell.count(r.size()),
                    s > 0 ? Cell.number(100.0 * r.size() / s, 0) : Cell.text("")));
        }
        return new Table("survey-response", "Survey response", List.of("Survey", "Population", "Schools sampled", "Respondents",
                "Response rate (%)"), body, List.of("Sampled: treated schools (treated population) or matched comparison schools"
                + " of the frozen design (comparison population)."));
    }

    private static Table summaries(Loaded l) {
        List<List<Cell>> body = new ArrayList<>();
        for (SurveyResponses r : l.responses().values()) {
            for (ItemSummary s : SurveyAnalysis.summarise(r)) {
                body.add(List.of(Cell.text(r.instrument().title()), Cell.text(s.code()), Cell.text(l.spec().statement(s.item())),
                        resp(s.n()), pct(s.pctAgree(), s.nAgree()), pct(s.pctDisagree(), s.nDisagree()),
                        pct(s.pctDontKnow(), s.nDontKnow()), Cell.number(s.mean(), 2, s.nRated())));
            }
        }
        return new Table("survey-items", "Survey items: agreement by survey", List.of("Survey", "Item", "Statement", "n",
                "% agree", "% disagree", "% don't know", "Mean rating (1-5)"), body, List.of());
    }

    private static Table comparisonTable(String id, String caption, String labelA, String labelB, List<Comparison> rows,
                                         boolean groups, int threshold) {
        boolean filter = groups && rows.size() > MAX_GROUP_ROWS;
        List<List<Cell>> body = new ArrayList<>();
        for (Comparison c : rows) {
            if (filter && !(c.student().pValue() < ALPHA)) {
                continue;
            }
            int basis = Math.min(c.a().n(), c.b().n());
            List<Cell> row = new ArrayList<>();
            if (groups) {
                row.add(Cell.text(c.a().code()));
                row.add(Cell.text(c.text() == null ? c.item() : c.text()));
                row.add(Cell.text(c.a().group() + " vs " + c.b().group()));
            } else {
                row.add(Cell.text(c.a().code()));
                row.add(Cell.text(c.b().code()));
                row.add(Cell.text(c.text() == null ? c.item() : c.text()));
            }
            row.add(resp(c.a().nAgree()));
            row.add(pct(c.a().pctAgree(), c.a().nAgree()));
            row.add(resp(c.b().nAgree()));
            row.add(pct(c.b().pctAgree(), c.b().nAgree()));
            row.add(Cell.number(c.student().pValue(), 3, basis));
            row.add(Cell.number(c.studentHolm(), 3, basis));
            row.add(Cell.number(c.studentBh(), 3, basis));
            row.add(Cell.number(c.prop().pValue(), 3, basis));
            row.add(Cell.text(basis < threshold ? "suppressed (fewer than " + threshold + " respondents)" : reading(c, groups, labelA)));
            body.add(row);
        }
        List<String> header = groups
                ? List.of("Item", "Statement", labelA + " (A vs B)", "A: n agree", "A: % agree", "B: n agree", "B: % agree",
                "Student's t p", "Holm p", "BH p", "prop.test p", "Reading")
                : List.of(labelA + " item", labelB + " item", "Statement", labelA + ": n agree", labelA + ": % agree",
                labelB + ": n agree", labelB + ": % agree", "Student's t p", "Holm p", "BH p", "prop.test p", "Reading");
        List<String> notes = new ArrayList<>(List.of("Two-tailed Student's t-test on the ratings (p < 0.05), as the seed; Holm and BH"
                + " adjust over all " + rows.size() + " tests of this table. SigDiff = p < 0.05 unadjusted; NSD = no significant"
                + " difference."));
        if (filter) {
            notes.add("Only the tests with unadjusted p < 0.05 are listed (" + body.size() + " of " + rows.size()
                    + " pairwise tests, every pair of levels for every item).");
        }
        return new Table(id, caption, header, body, notes);
    }

    private static String reading(Comparison c, boolean groups, String column) {
        double p = c.student().pValue();
        if (Double.isNaN(p)) {
            return "not testable: " + c.student().note();
        }
        if (!(p < ALPHA)) {
            return "NSD";
        }
        boolean higherB = c.b().mean() > c.a().mean();
        String who = groups ? column + " " + (higherB ? c.b().group() : c.a().group()) + " higher"
                : "SigDiff, " + (higherB ? "higher" : "lower") + " in " + c.b().group();
        String survives = c.studentHolm() < ALPHA ? "survives Holm" : c.studentBh() < ALPHA ? "survives BH only"
                : "not after adjustment";
        return who + "; " + survives;
    }

    private static Table omnibus(String id, String title, List<org.padlock.survey.Association> rows, SurveySpec spec) {
        List<List<Cell>> body = new ArrayList<>();
        for (org.padlock.survey.Association a : rows) {
            body.add(List.of(Cell.text(a.code()), Cell.text(spec.statement(a.item())), Cell.count(a.levels()),
                    Cell.number(a.byAnswer().pValue(), 3), Cell.number(a.byAgree().pValue(), 3), Cell.number(a.byAgreeHolm(), 3),
                    Cell.number(a.byAgreeBh(), 3)));
        }
        return new Table(id, title + ": one test per item across all levels", List.of("Item", "Statement", "Levels",
                "Chi-square p (answers)", "Chi-square p (% agree)", "Holm p", "BH p"), body,
                List.of("Pearson chi-square of level x answer (don't know excluded) and of level x agree/not agree, one test per"
                        + " item instead of one per pair of levels; Holm and BH adjust the % agree tests over the items."
                        + " Expected counts below 5 make the chi-square approximation doubtful (see padlock survey --json notes)."));
    }

    private static List<Cell> familyRow(String title, List<Comparison> rows) {
        int raw = 0, holm = 0, bh = 0, m = 0;
        for (Comparison c : rows) {
            if (Double.isNaN(c.student().pValue())) {
                continue;
            }
            m++;
            raw += c.student().pValue() < ALPHA ? 1 : 0;
            holm += c.studentHolm() < ALPHA ? 1 : 0;
            bh += c.studentBh() < ALPHA ? 1 : 0;
        }
        return List.of(Cell.text(title), Cell.count(m), Cell.count(raw), Cell.number(ALPHA * m, 1), Cell.count(holm), Cell.count(bh));
    }

    private static Table crossTabs(String id, SurveyResponses r, String[] levels, String column, int threshold) {
        List<List<Cell>> body = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Item", column, "n"));
        boolean first = true;
        for (SurveySpec.Item it : r.items()) {
            CrossTab x = SurveyAnalysis.crossTab(r, it, levels, column);
            if (first) {
                for (String c : x.columnLabels()) {
                    header.add(c + " (n)");
                    header.add(c + " (%)");
                }
                first = false;
            }
            boolean[][] mask = x.suppressed(threshold);
            for (int i = 0; i < x.rowLabels().size(); i++) {
                List<Cell> row = new ArrayList<>(List.of(Cell.text(x.code()), Cell.text(x.rowLabels().get(i)), resp((int) x.rowTotal(i))));
                for (int j = 0; j < x.columnLabels().size(); j++) {
                    int n = (int) x.count(i, j);
                    // secondary suppression: a cell hidden only to protect another keeps its basis but no value
                    row.add(mask[i][j] && n >= threshold ? new Cell(null, Double.NaN, 0, n, true) : resp(n));
                    row.add(mask[i][j] && n >= threshold ? new Cell(null, Double.NaN, 0, n, true) : Cell.number(x.rowPct(i, j), 0, n));
                }
                body.add(row);
            }
        }
        return new Table(id, r.instrument().title() + ": answers by " + column + " (counts and row percentages)", header, body,
                List.of("Row percentages of the respondents in the level who answered the item. Cells of fewer than " + threshold
                        + " respondents are suppressed; where a row would have only one, its next smallest cell is suppressed too,"
                        + " so that it cannot be recovered from the row total."));
    }

    private static Cell resp(int n) {
        return Cell.number(n, 0, n);
    }

    private static Cell pct(double pct, int count) {
        return Cell.number(pct, 0, count);
    }
}
