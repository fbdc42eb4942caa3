package org.padlock.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The simulated delivery records and surveys of {@link SchoolDidDemo}'s treated schools (seed 003).
 *
 * <p><b>Compliance</b> ({@code compliance.csv}). Each school's category is drawn first, from a
 * latent score {@code 0.6 c + 0.8 e} with a partnership effect {@code c} and a school effect
 * {@code e} (both standard normal) cut at the normal quantiles 0.44 and 0.84: 44% non-compliant, 40%
 * minimally, 16% fully compliant (003 Table 11). The partnership correlation (0.6, from a
 * simulation) brings the cluster-level rule of 003 Table 3 to about 3% fully, 11-12% minimally and
 * 85-86% non-compliant clusters (003 Table 12). The recorded values are then drawn to satisfy the
 * Table 3 rules for that category: 12 training sessions, {@code training_attended_pct} = 100 x
 * attended / 12 (one decimal; 9 sessions is exactly 75.0, the boundary); fully compliant schools
 * attended at least 9 and hosted two or more review visits, three or more when two were done before
 * the March 2020 lockdown ({@code visits_before_lockdown}); minimally compliant schools attended 2-8
 * and hosted exactly one (so the reading "hosted one" = "exactly one" and "at least one" agree);
 * non-compliant schools mostly attended 0-8 and hosted none, 10% attended 75% or more but hosted
 * only one visit, and 10% attended 75% or more and hosted two visits, both before lockdown, and
 * none after (needing three): both criteria must be met for a category, so these are non-compliant.
 *
 * <p><b>Surveys</b> ({@code survey_baseline.csv}, {@code survey_final.csv}): one row per responding
 * school. Response: 80% at baseline (003: 339 of 422); at the final survey 55% of fully, 42% of
 * minimally and 28% of non-compliant schools, about 37% overall (157 of 422). Six items of 003
 * Table 25, coded 5 strongly agree ... 1 strongly disagree, 9 don't know, drawn with the baseline and
 * final shares agreeing (agree + strongly agree) and don't-know shares of that table; a school's
 * propensity to agree (normal, SD 0.8 on the logit scale) is shared by its items and waves, which
 * pulls the realised shares a few points towards one half.
 *
 * <p>Added for the survey analysis (from a separate random stream, so the items above are
 * unchanged): the final survey's {@code status} (the route: a respondent had {@code withdrawn}
 * early with probability 0.5, 0.1, 0 for non-, minimally, fully compliant schools, else
 * {@code completed}) and three perceived-impact items of 003 Table 26 asked in the final and
 * matched surveys, on which completed schools agree more (logit +0.4, withdrawn -0.4: 003 found
 * higher agreement of completed schools on perceived impact); and {@code survey_matched.csv}:
 * every untreated school answers the nine items with the matched schools' shares of 003 Table 26
 * and responds with probability 0.11 (the study keeps the respondents among its matched comparison
 * schools). Nothing depends on the FSM quintile (the demo's stand-in for IDACI), so any
 * "association" with it (003 Table 33) is chance.
 */
final class SppProcess {
    static final int SESSIONS = 12;
    /** Item name, baseline agree share, baseline don't-know share, final agree share, final don't-know share (003 Table 25). */
    static final Object[][] ITEMS = {
            {"partnership_well_led", 0.82, 0.09, 0.89, 0.01},
            {"partnership_well_managed", 0.75, 0.05, 0.85, 0.01},
            {"draws_on_partner_expertise", 0.54, 0.03, 0.68, 0.02},
            {"responsible_for_all_pupils", 0.64, 0.03, 0.62, 0.02},
            {"trust_between_schools_high", 0.86, 0.03, 0.91, 0.01},
            {"confident_leadership_capacity", 0.95, 0.01, 0.77, 0.03},
    };
    /**
     * Items of the final and matched surveys only (003 Table 26: peer review embedded, identifies
     * strengths, evidence-informed): item name, final agree share, final don't-know share.
     */
    static final Object[][] IMPACT_ITEMS = {
            {"peer_review_embedded", 0.62, 0.02},
            {"identifies_strengths", 0.80, 0.02},
            {"evidence_informed", 0.76, 0.02},
    };
    /** Matched schools' agree shares for {@link #ITEMS} then {@link #IMPACT_ITEMS} (003 Table 26). */
    static final double[] MATCHED_AGREE = {0.82, 0.86, 0.77, 0.50, 0.89, 0.91, 0.50, 0.80, 0.68};
    static final double MATCHED_DONT_KNOW = 0.02;
    /** Response of untreated schools to the matched survey (003: 44 of the matched schools). */
    static final double MATCHED_RESPONSE = 0.11;
    /** Share of final-survey respondents who had withdrawn early, by compliance category (non, minimally, fully). */
    static final double[] WITHDRAWN = {0.5, 0.1, 0.0};
    /** Logit shift of completed (+) and withdrawn (-) schools' agreement with the impact items. */
    static final double COMPLETED_SHIFT = 0.4;
    static final double BASELINE_RESPONSE = 0.80;
    static final double[] FINAL_RESPONSE = {0.28, 0.42, 0.55};
    private static final double NON_CUT = -0.15096921549677725;  // Phi^-1(0.44)
    private static final double FULL_CUT = 0.9944578832097528;   // Phi^-1(0.84)

    private SppProcess() {
    }

    /**
     * @param members  panel rows of each partnership's schools, partnerships in id order
     * @return the category of every treated school (0 non, 1 minimally, 2 fully compliant), by panel row
     */
    static int[] write(Path dir, DidPanel panel, List<String> ids, List<int[]> members, DemoRandom rng, DemoRandom surveyRng) {
        int[] category = new int[panel.n];
        Arrays.fill(category, -1);
        double[] attendedPct = new double[panel.n];
        int[] visits = new int[panel.n], beforeLockdown = new int[panel.n];
        String[] partnership = new String[panel.n];
        for (int p = 0; p < members.size(); p++) {
            double c = rng.gaussian();
            for (int i : members.get(p)) {
                double z = 0.6 * c + 0.8 * rng.gaussian();
                int cat = z < NON_CUT ? 0 : z < FULL_CUT ? 1 : 2;
                category[i] = cat;
                partnership[i] = ids.get(p);
                int attended, v, before;
                if (cat == 2) {
                    attended = 9 + rng.below(4);
                    double u = rng.uniform();
                    before = u < 0.25 ? 0 : u < 0.6 ? 1 : 2;
                    v = before < 2 ? (rng.bernoulli(0.7) ? 2 : 3) : (rng.bernoulli(0.8) ? 3 : 4);
                } else if (cat == 1) {
                    attended = 2 + rng.below(7);
                    v = 1;
                    before = rng.bernoulli(0.6) ? 1 : 0;
                } else {
                    double u = rng.uniform();
                    if (u < 0.8) {
                        attended = rng.below(9);
                        v = 0;
                        before = 0;
                    } else if (u < 0.9) {
                        attended = 9 + rng.below(4);
                        v = 1;
                        before = rng.below(2);
                    } else {
                        attended = 9 + rng.below(4);
                        v = 2;
                        before = 2;
                    }
                }
                attendedPct[i] = 100.0 * attended / SESSIONS;
                visits[i] = v;
                beforeLockdown[i] = before;
            }
        }
        int[] treatedRows = rows(category);
        CsvOut comp = new CsvOut(List.of("URN", "partnership", "training_attended_pct", "review_visits", "visits_before_lockdown"));
        for (int i : treatedRows) {
            comp.integer(panel.urn[i]).text(partnership[i]).number(attendedPct[i], 1).integer(visits[i]).integer(beforeLockdown[i]);
        }
        comp.write(dir.resolve("compliance.csv"));
        surveys(dir, panel, treatedRows, partnership, category, rng, surveyRng);
        return category;
    }

    private static void surveys(Path dir, DidPanel panel, int[] treatedRows, String[] partnership, int[] category, DemoRandom rng,
                                DemoRandom surveyRng) {
        List<String> header = new ArrayList<>(List.of("URN", "partnership"));
        for (Object[] item : ITEMS) {
            header.add((String) item[0]);
        }
        List<String> finalHeader = new ArrayList<>(header);
        finalHeader.add(2, "status");
        for (Object[] item : IMPACT_ITEMS) {
            finalHeader.add((String) item[0]);
        }
        CsvOut baseline = new CsvOut(header), last = new CsvOut(finalHeader);
        double[] impactAgree = column(IMPACT_ITEMS, 1), impactDk = column(IMPACT_ITEMS, 2);
        for (int i : treatedRows) {
            double propensity = 0.8 * rng.gaussian();
            boolean b = rng.bernoulli(BASELINE_RESPONSE);
            boolean f = rng.bernoulli(FINAL_RESPONSE[category[i]]);
            // Both waves' answers are always drawn, so a school's answers do not depend on whether it responded.
            int[] answersB = answers(rng, propensity, column(ITEMS, 1), column(ITEMS, 2));
            int[] answersF = answers(rng, propensity, column(ITEMS, 3), column(ITEMS, 4));
            // Route and impact items come from their own stream, so the waves above are unchanged by them.
            boolean withdrawn = surveyRng.bernoulli(WITHDRAWN[category[i]]);
            int[] impact = answers(surveyRng, propensity + (withdrawn ? -COMPLETED_SHIFT : COMPLETED_SHIFT), impactAgree, impactDk);
            if (b) {
                row(baseline, panel.urn[i], partnership[i], null, answersB);
            }
            if (f) {
                int[] all = Arrays.copyOf(answersF, answersF.length + impact.length);
                System.arraycopy(impact, 0, all, answersF.length, impact.length);
                row(last, panel.urn[i], partnership[i], withdrawn ? "withdrawn" : "completed", all);
            }
        }
        baseline.write(dir.resolve("survey_baseline.csv"));
        last.write(dir.resolve("survey_final.csv"));
        matched(dir, panel, category, surveyRng);
    }

    /** The matched-schools survey: untreated schools respond at {@link #MATCHED_RESPONSE}; the study keeps its matched comparators. */
    private static void matched(Path dir, DidPanel panel, int[] category, DemoRandom rng) {
        List<String> header = new ArrayList<>(List.of("URN"));
        for (Object[] item : ITEMS) {
            header.add((String) item[0]);
        }
        for (Object[] item : IMPACT_ITEMS) {
            header.add((String) item[0]);
        }
        double[] dk = new double[MATCHED_AGREE.length];
        Arrays.fill(dk, MATCHED_DONT_KNOW);
        CsvOut out = new CsvOut(header);
        for (int i = 0; i < panel.n; i++) {
            if (category[i] >= 0) {
                continue;
            }
            double propensity = 0.8 * rng.gaussian();
            int[] a = answers(rng, propensity, MATCHED_AGREE, dk);
            if (rng.bernoulli(MATCHED_RESPONSE)) {
                row(out, panel.urn[i], null, null, a);
            }
        }
        out.write(dir.resolve("survey_matched.csv"));
    }

    private static double[] column(Object[][] table, int k) {
        double[] out = new double[table.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) table[i][k];
        }
        return out;
    }

    private static int[] answers(DemoRandom rng, double propensity, double[] agreeShare, double[] dontKnowShare) {
        int[] out = new int[agreeShare.length];
        for (int k = 0; k < agreeShare.length; k++) {
            double agree = agreeShare[k], dontKnow = dontKnowShare[k];
            double p = agree / (1 - dontKnow);
            double pi = 1 / (1 + StrictMath.exp(-(StrictMath.log(p / (1 - p)) + propensity)));
            if (rng.bernoulli(dontKnow)) {
                out[k] = 9;
            } else if (rng.bernoulli(pi)) {
                out[k] = rng.bernoulli(0.4) ? 5 : 4;
            } else {
                double u = rng.uniform();
                out[k] = u < 0.5 ? 3 : u < 0.85 ? 2 : 1;
            }
        }
        return out;
    }

    private static void row(CsvOut out, long urn, String partnership, String status, int[] answers) {
        out.integer(urn);
        if (partnership != null) {
            out.text(partnership);
        }
        if (status != null) {
            out.text(status);
        }
        for (int a : answers) {
            out.integer(a);
        }
    }

    private static int[] rows(int[] category) {
        return IntStream.range(0, category.length).filter(i -> category[i] >= 0).toArray();
    }
}
