package org.padlock.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of survey results ({@code padlock survey --json}; keys in {@code docs/cli-survey.md}),
 * with the small-cell rule applied: a count of fewer than {@code threshold} respondents, and every
 * percentage or statistic computed from such a group, is written as {@code null} with
 * {@code "suppressed": true}. Respondents are schools or staff, not pupils, but the study's
 * disclosure threshold is applied all the same (DOMAIN.md s. 9).
 */
public final class SurveyJson {
    private final int threshold;

    /** @param threshold smallest count shown (the plan's {@code small_cell_threshold}, default 10) */
    public SurveyJson(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("small-cell threshold must be >= 0; found " + threshold);
        }
        this.threshold = threshold;
    }

    private boolean small(long n) {
        return n < threshold;
    }

    private Object count(long n) {
        return small(n) ? null : (Object) n;
    }

    private Double pctOf(long k, double pct) {
        return small(k) ? null : pct;
    }

    public Map<String, Object> responseRate(ResponseRate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", r.instrument());
        m.put("label", r.label());
        m.put("respondents", r.respondents());
        m.put("sampled", r.sampled() > 0 ? r.sampled() : null);
        m.put("response_rate", r.rate());
        return m;
    }

    /** One item summary; counts below the threshold and their percentages are null. */
    public Map<String, Object> summary(ItemSummary s, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", s.item());
        m.put("code", s.code());
        m.put("text", text);
        m.put("group", s.group());
        boolean smallGroup = small(s.n());
        m.put("n", count(s.n()));
        m.put("n_agree", count(s.nAgree()));
        m.put("pct_agree", smallGroup ? null : pctOf(s.nAgree(), s.pctAgree()));
        m.put("n_disagree", count(s.nDisagree()));
        m.put("pct_disagree", smallGroup ? null : pctOf(s.nDisagree(), s.pctDisagree()));
        m.put("n_dont_know", count(s.nDontKnow()));
        m.put("pct_dont_know", smallGroup ? null : pctOf(s.nDontKnow(), s.pctDontKnow()));
        m.put("mean", smallGroup ? null : s.mean());
        m.put("sd", smallGroup ? null : s.sd());
        m.put("suppressed", smallGroup || small(s.nAgree()) || small(s.nDisagree()) || small(s.nDontKnow()));
        return m;
    }

    /** One comparison row; when either group has fewer respondents than the threshold, the tests are null too. */
    public Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", c.item());
        m.put("text", c.text());
        m.put("a", summary(c.a(), null));
        m.put("b", summary(c.b(), null));
        boolean hide = small(c.a().n()) || small(c.b().n());
        m.put("suppressed", hide);
        test(m, "student", c.student(), hide);
        m.put("student_p_holm", hide ? null : c.studentHolm());
        m.put("student_p_bh", hide ? null : c.studentBh());
        test(m, "welch", c.welch(), hide);
        m.put("welch_p_holm", hide ? null : c.welchHolm());
        m.put("welch_p_bh", hide ? null : c.welchBh());
        test(m, "chisq", c.chiSquare(), hide);
        test(m, "fisher", c.fisher(), hide);
        test(m, "prop", c.prop(), hide);
        m.put("prop_p_holm", hide ? null : c.propHolm());
        m.put("prop_p_bh", hide ? null : c.propBh());
        test(m, "prop_uncorrected", c.propUncorrected(), hide);
        return m;
    }

    /** A table of comparisons (instruments or pairs of group levels) with its kind, title and number of tests. */
    public Map<String, Object> table(String kind, String title, String grouping, List<Comparison> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("title", title);
        m.put("grouping", grouping);
        m.put("tests", rows.size());
        m.put("rows", rows.stream().map(this::comparison).toList());
        return m;
    }

    private static void test(Map<String, Object> m, String name, TestResult t, boolean hide) {
        m.put(name + "_statistic", hide ? null : t.statistic());
        m.put(name + "_df", hide ? null : t.df());
        m.put(name + "_p", hide ? null : t.pValue());
        if (!t.note().isEmpty()) {
            m.put(name + "_note", t.note());
        }
    }

    /** One item's omnibus tests across the levels of a grouping. */
    public Map<String, Object> association(Association a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", a.item());
        m.put("code", a.code());
        m.put("levels", a.levels());
        test(m, "chisq_answer", a.byAnswer(), false);
        test(m, "chisq_agree", a.byAgree(), false);
        m.put("chisq_agree_p_holm", a.byAgreeHolm());
        m.put("chisq_agree_p_bh", a.byAgreeBh());
        return m;
    }

    /** A cross-tabulation; each cell of {@link CrossTab#suppressed(int)} (and its row percentage) is null. */
    public Map<String, Object> crossTab(CrossTab x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", x.item());
        m.put("code", x.code());
        m.put("grouping", x.groupColumn());
        m.put("columns", x.columnLabels());
        List<Object> rows = new ArrayList<>();
        int suppressed = 0;
        boolean[][] mask = x.suppressed(threshold);
        for (int i = 0; i < x.rowLabels().size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("level", x.rowLabels().get(i));
            r.put("n", count(x.rowTotal(i)));
            List<Object> counts = new ArrayList<>(), pcts = new ArrayList<>();
            for (int j = 0; j < x.columnLabels().size(); j++) {
                long c = x.count(i, j);
                boolean hide = mask[i][j];
                suppressed += hide ? 1 : 0;
                counts.add(hide ? null : c);
                pcts.add(hide ? null : x.rowPct(i, j));
            }
            r.put("counts", counts);
            r.put("row_pct", pcts);
            rows.add(r);
        }
        m.put("rows", rows);
        m.put("suppressed_cells", suppressed);
        return m;
    }
}
