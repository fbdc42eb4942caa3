package org.padlock.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Item summaries, comparisons and cross-tabulations of survey responses (seed 003 process
 * evaluation). Comparisons run every test of {@link SurveyTests} on each item and then adjust the
 * Student's t, Welch's t and two-proportion p-values over the whole table ({@link PValueAdjust}): a table of
 * 30 items at p < 0.05 expects 1.5 "significant" items by chance alone.
 */
public final class SurveyAnalysis {
    private SurveyAnalysis() {
    }

    /** Every row of an instrument. */
    public static int[] allRows(SurveyResponses r) {
        return IntStream.range(0, r.size()).toArray();
    }

    /** Summary of one item over the given rows of an instrument. */
    public static ItemSummary summarise(SurveyResponses r, int[] rows, String group, SurveySpec.Item item) {
        SurveySpec.Scale sc = r.spec().scale();
        List<Integer> points = sc.points();
        long[] counts = new long[points.size()];
        int n = 0, agree = 0, disagree = 0, dk = 0;
        double sum = 0;
        for (int i : rows) {
            int a = r.answer(item.key(), i);
            if (a == SurveyResponses.MISSING) {
                continue;
            }
            n++;
            if (sc.dontKnow().contains(a)) {
                dk++;
                continue;
            }
            counts[points.indexOf(a)]++;
            sum += a;
            agree += sc.agree().contains(a) ? 1 : 0;
            disagree += sc.disagree().contains(a) ? 1 : 0;
        }
        int rated = n - dk;
        double mean = rated == 0 ? Double.NaN : sum / rated;
        double ss = 0;
        for (int k = 0; k < counts.length; k++) {
            ss += counts[k] * (points.get(k) - mean) * (points.get(k) - mean);
        }
        double sd = rated < 2 ? Double.NaN : Math.sqrt(ss / (rated - 1));
        return new ItemSummary(item.key(), item.codes().get(r.instrument().name()), group, n, agree, disagree, dk, counts, mean, sd);
    }

    /** Summaries of every item an instrument asked, over all its respondents. */
    public static List<ItemSummary> summarise(SurveyResponses r) {
        List<ItemSummary> out = new ArrayList<>();
        for (SurveySpec.Item it : r.items()) {
            out.add(summarise(r, allRows(r), r.instrument().title(), it));
        }
        return out;
    }

    /** Every test of one item between two groups (unadjusted). */
    public static Comparison compare(SurveySpec spec, SurveySpec.Item item, ItemSummary a, ItemSummary b) {
        List<Integer> points = spec.scale().points();
        long[] ca = a.pointCounts(), cb = b.pointCounts();
        return new Comparison(item.key(), item.text(), a, b,
                SurveyTests.tTest(a.ratings(points), b.ratings(points), true),
                SurveyTests.tTest(a.ratings(points), b.ratings(points), false),
                SurveyTests.chiSquare(new long[][] {ca, cb}),
                SurveyTests.fisher(a.nAgree(), a.n() - a.nAgree(), b.nAgree(), b.n() - b.nAgree()),
                SurveyTests.propTest(a.nAgree(), a.n(), b.nAgree(), b.n(), true),
                SurveyTests.propTest(a.nAgree(), a.n(), b.nAgree(), b.n(), false),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Holm and Benjamini-Hochberg adjustment of the Student's t, Welch's t and two-proportion p-values over a table, each family on its own. */
    public static List<Comparison> adjust(List<Comparison> table) {
        double[] t = table.stream().mapToDouble(c -> c.student().pValue()).toArray();
        double[] w = table.stream().mapToDouble(c -> c.welch().pValue()).toArray();
        double[] p = table.stream().mapToDouble(c -> c.prop().pValue()).toArray();
        double[] th = PValueAdjust.holm(t), tb = PValueAdjust.benjaminiHochberg(t);
        double[] wh = PValueAdjust.holm(w), wb = PValueAdjust.benjaminiHochberg(w);
        double[] ph = PValueAdjust.holm(p), pb = PValueAdjust.benjaminiHochberg(p);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            out.add(table.get(i).adjusted(th[i], tb[i], wh[i], wb[i], ph[i], pb[i]));
        }
        return List.copyOf(out);
    }

    /** Items asked by both instruments, compared between all respondents of each (e.g. baseline vs final), adjusted. */
    public static List<Comparison> compareInstruments(SurveyResponses a, SurveyResponses b) {
        List<Comparison> out = new ArrayList<>();
        for (SurveySpec.Item it : a.items()) {
            if (b.asked(it.key())) {
                out.add(compare(a.spec(), it, summarise(a, allRows(a), a.instrument().title(), it),
                        summarise(b, allRows(b), b.instrument().title(), it)));
            }
        }
        return adjust(out);
    }

    /**
     * Items of one instrument compared between the levels of a grouping ({@link SurveyResponses#groups}):
     * every pair of levels (in {@link #levels} order) for every item, adjusted over the whole table.
     */
    public static List<Comparison> compareGroups(SurveyResponses r, String[] groups) {
        List<String> levels = levels(groups);
        List<Comparison> out = new ArrayList<>();
        for (SurveySpec.Item it : r.items()) {
            for (int x = 0; x < levels.size(); x++) {
                for (int y = x + 1; y < levels.size(); y++) {
                    out.add(compare(r.spec(), it, summarise(r, rowsOf(groups, levels.get(x)), levels.get(x), it),
                            summarise(r, rowsOf(groups, levels.get(y)), levels.get(y), it)));
                }
            }
        }
        return adjust(out);
    }

    /**
     * One omnibus test per item across every level of a grouping ({@link Association}): chi-square
     * on level x scale point and on level x (agree, not agree), the latter adjusted over the items.
     */
    public static List<Association> associations(SurveyResponses r, String[] groups) {
        List<String> levels = levels(groups);
        List<Association> raw = new ArrayList<>();
        for (SurveySpec.Item it : r.items()) {
            long[][] byAnswer = new long[levels.size()][];
            long[][] byAgree = new long[levels.size()][];
            for (int x = 0; x < levels.size(); x++) {
                ItemSummary s = summarise(r, rowsOf(groups, levels.get(x)), levels.get(x), it);
                byAnswer[x] = s.pointCounts();
                byAgree[x] = new long[] {s.nAgree(), s.n() - s.nAgree()};
            }
            int used = (int) java.util.Arrays.stream(byAgree).filter(v -> v[0] + v[1] > 0).count();
            raw.add(new Association(it.key(), it.codes().get(r.instrument().name()), used, SurveyTests.chiSquare(byAnswer),
                    SurveyTests.chiSquare(byAgree), Double.NaN, Double.NaN));
        }
        double[] p = raw.stream().mapToDouble(a -> a.byAgree().pValue()).toArray();
        double[] h = PValueAdjust.holm(p), b = PValueAdjust.benjaminiHochberg(p);
        List<Association> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Association a = raw.get(i);
            out.add(new Association(a.item(), a.code(), a.levels(), a.byAnswer(), a.byAgree(), h[i], b[i]));
        }
        return List.copyOf(out);
    }

    /** Cross-tabulation of one item by a grouping: levels x (scale points, then don't-know codes). */
    public static CrossTab crossTab(SurveyResponses r, SurveySpec.Item item, String[] groups, String groupColumn) {
        SurveySpec.Scale sc = r.spec().scale();
        List<Integer> cols = new ArrayList<>(sc.points());
        cols.addAll(sc.dontKnow());
        List<String> levels = levels(groups);
        long[][] counts = new long[levels.size()][cols.size()];
        for (int i = 0; i < r.size(); i++) {
            int a = r.answer(item.key(), i);
            if (groups[i] == null || a == SurveyResponses.MISSING) {
                continue;
            }
            counts[levels.indexOf(groups[i])][cols.indexOf(a)]++;
        }
        List<String> labels = cols.stream().map(sc::label).toList();
        return new CrossTab(item.key(), item.codes().get(r.instrument().name()), groupColumn, levels, labels, counts);
    }

    /** The distinct non-missing levels: numerically ordered when all are numbers, else in text order. */
    public static List<String> levels(String[] groups) {
        TreeSet<String> set = new TreeSet<>();
        for (String g : groups) {
            if (g != null) {
                set.add(g);
            }
        }
        List<String> out = new ArrayList<>(set);
        if (out.stream().allMatch(s -> org.padlock.data.TableReader.parseNumber(s) != null)) {
            out.sort((u, v) -> Double.compare(org.padlock.data.TableReader.parseNumber(u), org.padlock.data.TableReader.parseNumber(v)));
        }
        return out;
    }

    /** Rows whose group is the given level. */
    public static int[] rowsOf(String[] groups, String level) {
        return IntStream.range(0, groups.length).filter(i -> Objects.equals(groups[i], level)).toArray();
    }
}
