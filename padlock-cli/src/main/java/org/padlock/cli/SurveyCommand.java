package org.padlock.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.padlock.data.Frame;
import org.padlock.data.TableReader;
import org.padlock.study.PlanDefaults;
import org.padlock.survey.Comparison;
import org.padlock.survey.ItemSummary;
import org.padlock.survey.ResponseRate;
import org.padlock.survey.SurveyAnalysis;
import org.padlock.survey.SurveyJson;
import org.padlock.survey.SurveyResponses;
import org.padlock.survey.SurveySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock survey}: item summaries, comparisons and cross-tabulations of process-evaluation surveys (docs/cli-survey.md). */
@Command(name = "survey", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarise survey items (%% agree, %% disagree, %% don't know, mean) and compare instruments or groups"
                + " (Student's and Welch's t, chi-square, Fisher, two-proportion tests; Holm and BH adjusted p-values).")
final class SurveyCommand implements Callable<Integer> {
    @Option(names = "--instruments", required = true, paramLabel = "SPEC.yaml", description = "Instrument file: scale, instruments, items.")
    Path instruments;
    @Option(names = "--data", required = true, paramLabel = "NAME=FILE", description = "Data file of an instrument (repeatable).")
    Map<String, Path> data = new LinkedHashMap<>();
    @Option(names = "--sampled", paramLabel = "NAME=N", description = "Schools sampled (invited) for an instrument, for the response rate.")
    Map<String, Integer> sampled = new LinkedHashMap<>();
    @Option(names = "--compare", split = ",", paramLabel = "A,B", description = "Compare two instruments item by item (e.g. baseline,final).")
    List<String> compare = new ArrayList<>();
    @Option(names = "--group", split = ",", paramLabel = "COL", description = "Compare the levels of a column within one instrument (every pair of levels).")
    List<String> groups = new ArrayList<>();
    @Option(names = "--within", paramLabel = "NAME", description = "Instrument for --group (default: the only --data instrument).")
    String within;
    @Option(names = "--schools", paramLabel = "FILE", description = "School characteristics joined on the respondent id, for --group columns not in the survey file.")
    Path schools;
    @Option(names = "--schools-id", paramLabel = "COL", defaultValue = "URN", description = "Id column of --schools (default ${DEFAULT-VALUE}).")
    String schoolsId;
    @Option(names = "--crosstab", description = "Cross-tabulate every item by each --group column.")
    boolean crosstab;
    @Option(names = "--small-cell", paramLabel = "N", defaultValue = "" + PlanDefaults.SMALL_CELL, description = "Counts below N respondents are suppressed (default ${DEFAULT-VALUE}).")
    int smallCell;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        if (smallCell < 0) {
            throw new IllegalArgumentException("--small-cell must be >= 0; found " + smallCell);
        }
        if (compare.size() % 2 != 0) {
            throw new IllegalArgumentException("--compare takes pairs of instruments A,B; found " + compare);
        }
        SurveySpec s = SurveySpec.load(instruments);
        Map<String, SurveyResponses> resp = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : data.entrySet()) {
            resp.put(e.getKey(), SurveyResponses.read(s, e.getKey(), e.getValue()));
        }
        for (String name : sampled.keySet()) {
            if (!resp.containsKey(name)) {
                throw new IllegalArgumentException("--sampled " + name + ": no --data for instrument '" + name + "'");
            }
        }
        SurveyJson sj = new SurveyJson(smallCell);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> rates = new ArrayList<>(), summaries = new ArrayList<>(), comparisons = new ArrayList<>(), tabs = new ArrayList<>();
        for (SurveyResponses r : resp.values()) {
            String n = r.instrument().name();
            rates.add(sj.responseRate(new ResponseRate(n, r.instrument().title(), r.size(), sampled.getOrDefault(n, 0))));
            for (ItemSummary is : SurveyAnalysis.summarise(r)) {
                Map<String, Object> m = sj.summary(is, s.statement(is.item()));
                m.put("instrument", n);
                summaries.add(m);
            }
        }
        List<String> textLines = new ArrayList<>();
        for (int k = 0; k < compare.size(); k += 2) {
            SurveyResponses a = need(resp, compare.get(k), "--compare"), b = need(resp, compare.get(k + 1), "--compare");
            List<Comparison> table = SurveyAnalysis.compareInstruments(a, b);
            comparisons.add(sj.table("instruments", a.instrument().name() + " vs " + b.instrument().name(), null, table));
            describe(textLines, a.instrument().name() + " vs " + b.instrument().name(), table);
        }
        if (!groups.isEmpty()) {
            if (within == null && resp.size() != 1) {
                throw new IllegalArgumentException("--group needs --within NAME when several instruments are given");
            }
            SurveyResponses r = within == null ? resp.values().iterator().next() : need(resp, within, "--within");
            Frame chars = schools == null ? null : TableReader.read(schools, Set.of(schoolsId));
            if (chars != null) {
                chars.column(schoolsId);
            }
            for (String g : groups) {
                String[] levels = r.groups(g, chars, schoolsId);
                List<Comparison> table = SurveyAnalysis.compareGroups(r, levels);
                Map<String, Object> t = sj.table("groups", r.instrument().name() + " by " + g, g, table);
                t.put("omnibus", SurveyAnalysis.associations(r, levels).stream().map(sj::association).toList());
                comparisons.add(t);
                describe(textLines, r.instrument().name() + " by " + g, table);
                if (crosstab) {
                    for (SurveySpec.Item it : r.items()) {
                        tabs.add(sj.crossTab(SurveyAnalysis.crossTab(r, it, levels, g)));
                    }
                }
            }
        } else if (crosstab) {
            throw new IllegalArgumentException("--crosstab needs --group COL");
        }
        out.put("instruments", rates);
        out.put("summaries", summaries);
        out.put("comparisons", comparisons);
        out.put("crosstabs", tabs);
        out.put("small_cell_threshold", smallCell);
        PrintWriter o = output.out();
        if (!output.printJson(out)) {
            for (Object m : summaries) {
                @SuppressWarnings("unchecked") Map<String, Object> x = (Map<String, Object>) m;
                o.printf(Locale.ROOT, "%-10s %-8s n %s  agree %s%%  disagree %s%%  don't know %s%%  mean %s%n", x.get("instrument"),
                        x.get("code"), show(x.get("n")), show(x.get("pct_agree")), show(x.get("pct_disagree")),
                        show(x.get("pct_dont_know")), show(x.get("mean")));
            }
            textLines.forEach(o::println);
        }
        o.flush();
        return Main.OK;
    }

    private static SurveyResponses need(Map<String, SurveyResponses> resp, String name, String option) {
        SurveyResponses r = resp.get(name);
        if (r == null) {
            throw new IllegalArgumentException(option + " " + name + ": no --data for instrument '" + name + "'; given: " + resp.keySet());
        }
        return r;
    }

    private static void describe(List<String> lines, String title, List<Comparison> rows) {
        lines.add("");
        lines.add(title + " (" + rows.size() + " tests; p: Student's t, Holm, BH)");
        for (Comparison c : rows) {
            lines.add(String.format(Locale.ROOT, "  %-28s %-10s vs %-10s p %.4f  holm %.4f  bh %.4f", c.item(), c.a().group(), c.b().group(),
                    c.student().pValue(), c.studentHolm(), c.studentBh()));
        }
    }

    private static String show(Object v) {
        if (v == null) {
            return "[s]";
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v.toString();
    }
}
