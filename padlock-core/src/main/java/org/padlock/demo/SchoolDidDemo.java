package org.padlock.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bundled school-level matched difference-in-differences demo, after seed 003 (Schools
 * Partnership Programme): real school data for England with a simulated programme.
 *
 * <p><b>Real</b> (Department for Education, Open Government Licence v3.0, bundled under
 * {@code org/padlock/demo/dfe/} with its attribution): the national panel of state-funded primary
 * schools with complete 2016 and 2017 KS2 data and 2019 census data ({@link DidPanel} gives the
 * rule; about 11,900 schools), their covariates, and their 2018 KS2 reading and maths results.
 *
 * <p><b>Simulated</b>, calibrated to 003: {@value #PARTNERSHIPS} partnerships of 4-6 schools
 * (probabilities 0.2, 0.5, 0.3; about 430 treated schools; 003 recruited 437 in 85 clusters) in 25
 * local authorities: the six 003 names with the most schools (Kent 12 partnerships, East Sussex 10,
 * Hampshire 5, Milton Keynes 4, West Berkshire 4, Wokingham 4) and 19 others drawn with probability
 * proportional to their number of schools, doubled in London, the South East, South West and East of
 * England ("southern counties are disproportionately represented"), with at least 40 schools.
 * Selection on observables: within a local authority each partnership's first school and then its
 * partners are drawn, without replacement, with weight {@code exp(0.8 z(FSM ever) - 0.6 z(maths
 * 2017))} (national z-scores), so treated schools are more deprived and had lower 2017 maths; the
 * latter also makes them rise more in 2018 by regression to the mean, which matching on 2017
 * attainment removes and a naive comparison does not. Effect: a treated school's 2018 maths average
 * is its real result plus {@value #MATHS_EFFECT} scaled-score points and its reading plus
 * {@value #READING_EFFECT} (constant across schools, whatever their compliance); the true
 * difference-in-differences effects are therefore exactly these. Compliance and surveys:
 * {@link SppProcess}.
 *
 * <p>Files written: {@code schools.csv} (every panel school: {@code URN, treated, partnership,
 * read_2016, mat_2016, read_2017, mat_2017, ks2_pupils_2017, nor, fsm_ever_pct, eal_pct, sen_pct,
 * fsm_quintile, region, la}), {@code outcomes.csv} ({@code URN, read_2018, mat_2018}, empty where the
 * school has no 2018 result), {@code compliance.csv}, {@code survey_baseline.csv},
 * {@code survey_final.csv}, {@code survey_matched.csv}, {@code survey_instruments.yaml} (the instrument file of
 * {@code padlock survey}, docs/cli-survey.md) and {@code study.yaml}. {@code fsm_quintile} is the national quintile of
 * {@code fsm_ever_pct} (PNUMFSMEVER) over the panel; {@code region} the government office region of
 * the local authority ({@link Regions}).
 */
public final class SchoolDidDemo {
    /** Simulated effect on the 2018 KS2 maths average scaled score of treated schools. */
    public static final double MATHS_EFFECT = 0.5;
    /** Simulated effect on the 2018 KS2 reading average scaled score of treated schools. */
    public static final double READING_EFFECT = 0.3;
    /** Number of partnerships (clusters of treated schools). */
    public static final int PARTNERSHIPS = 85;
    static final int[][] NAMED_LAS = {{886, 12}, {845, 10}, {850, 5}, {826, 4}, {869, 4}, {872, 4}};
    static final int OTHER_LAS = 19;
    static final int MIN_LA_SCHOOLS = 40;
    static final double SELECT_FSM = 0.8;
    static final double SELECT_MATHS = 0.6;

    private SchoolDidDemo() {
    }

    /** Writes the demo study into {@code dir} (created if needed); the same seed gives the same bytes. */
    public static void write(Path dir, long seed) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        DidPanel panel = DidPanel.get();
        DemoRandom rng = new DemoRandom(seed);
        DemoRandom assignRng = rng.split(), processRng = rng.split();
        DemoRandom surveyRng = rng.split();
        List<String> ids = new ArrayList<>();
        List<int[]> members = assign(panel, assignRng, ids);
        String[] partnership = new String[panel.n];
        int treated = 0;
        for (int p = 0; p < members.size(); p++) {
            for (int i : members.get(p)) {
                partnership[i] = ids.get(p);
                treated++;
            }
        }
        writeSchools(dir, panel, partnership);
        writeOutcomes(dir, panel, partnership);
        SppProcess.write(dir, panel, ids, members, processRng, surveyRng);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("seed", Long.toString(seed));
        values.put("maths_effect", CsvOut.format(MATHS_EFFECT, 1));
        values.put("reading_effect", CsvOut.format(READING_EFFECT, 1));
        values.put("treated", Integer.toString(treated));
        values.put("partnerships", Integer.toString(members.size()));
        values.put("schools", Integer.toString(panel.n));
        Template.write("study-school-did.yaml", values, dir.resolve("study.yaml"));
        Template.write("survey-instruments.yaml", Map.of(), dir.resolve("survey_instruments.yaml"));
    }

    /** Draws the partnerships; returns each one's panel rows (ascending) and fills {@code ids} (P01, P02, ...). */
    static List<int[]> assign(DidPanel panel, DemoRandom rng, List<String> ids) {
        double[] w = selectionWeights(panel);
        TreeMap<Integer, List<Integer>> byLa = new TreeMap<>();
        for (int i = 0; i < panel.n; i++) {
            byLa.computeIfAbsent(panel.la[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> plan = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        for (int[] la : NAMED_LAS) {
            named.add(la[0]);
            for (int k = 0; k < la[1]; k++) {
                plan.add(la[0]);
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byLa.entrySet()) {
            if (!named.contains(e.getKey()) && e.getValue().size() >= MIN_LA_SCHOOLS) {
                candidates.add(e.getKey());
            }
        }
        List<Integer> others = new ArrayList<>();
        for (int k = 0; k < OTHER_LAS; k++) {
            double[] cw = new double[candidates.size()];
            for (int c = 0; c < cw.length; c++) {
                int la = candidates.get(c);
                String region = Regions.of(la);
                boolean south = region.equals("london") || region.equals("south_east") || region.equals("south_west")
                        || region.equals("east_of_england");
                cw[c] = others.contains(la) ? 0 : byLa.get(la).size() * (south ? 2.0 : 1.0);
            }
            others.add(candidates.get(rng.weighted(cw)));
        }
        others.sort(null);
        plan.addAll(others);
        double[] ow = new double[others.size()];
        for (int c = 0; c < ow.length; c++) {
            ow[c] = byLa.get(others.get(c)).size();
        }
        while (plan.size() < PARTNERSHIPS) {
            plan.add(others.get(rng.weighted(ow)));
        }
        plan.sort(null);
        boolean[] taken = new boolean[panel.n];
        List<int[]> members = new ArrayList<>();
        for (int la : plan) {
            double u = rng.uniform();
            int size = u < 0.2 ? 4 : u < 0.7 ? 5 : 6;
            List<Integer> pool = byLa.get(la);
            List<Integer> chosen = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                double[] pw = new double[pool.size()];
                for (int c = 0; c < pw.length; c++) {
                    pw[c] = taken[pool.get(c)] ? 0 : w[pool.get(c)];
                }
                if (Arrays.stream(pw).sum() <= 0) {
                    break;
                }
                int i = pool.get(rng.weighted(pw));
                taken[i] = true;
                chosen.add(i);
            }
            if (chosen.size() < 2) {
                throw new IllegalStateException("local authority " + la + " ran out of schools for a partnership");
            }
            members.add(chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
            ids.add(String.format(Locale.ROOT, "P%02d", members.size()));
        }
        return members;
    }

    /** {@code exp(0.8 z(fsm ever) - 0.6 z(maths 2017))}, z-scores over the national panel. */
    static double[] selectionWeights(DidPanel panel) {
        double[] zf = DemoSchools.standardise(panel.fsmEver), zm = DemoSchools.standardise(panel.mat17);
        double[] w = new double[panel.n];
        for (int i = 0; i < panel.n; i++) {
            w[i] = StrictMath.exp(SELECT_FSM * zf[i] - SELECT_MATHS * zm[i]);
        }
        return w;
    }

    private static void writeSchools(Path dir, DidPanel p, String[] partnership) {
        CsvOut out = new CsvOut(List.of("URN", "treated", "partnership", "read_2016", "mat_2016", "read_2017", "mat_2017",
                "ks2_pupils_2017", "nor", "fsm_ever_pct", "eal_pct", "sen_pct", "fsm_quintile", "region", "la"));
        for (int i = 0; i < p.n; i++) {
            out.integer(p.urn[i]).integer(partnership[i] == null ? 0 : 1).text(partnership[i])
                    .number(p.read16[i], 1).number(p.mat16[i], 1).number(p.read17[i], 1).number(p.mat17[i], 1)
                    .number(p.pupils17[i], 0).number(p.nor[i], 0)
                    .number(p.fsmEver[i], 1).number(p.eal[i], 1).number(p.sen[i], 1)
                    .integer(p.fsmQuintile[i]).text(p.region[i]).integer(p.la[i]);
        }
        out.write(dir.resolve("schools.csv"));
    }

    private static void writeOutcomes(Path dir, DidPanel p, String[] partnership) {
        CsvOut out = new CsvOut(List.of("URN", "read_2018", "mat_2018"));
        for (int i = 0; i < p.n; i++) {
            boolean t = partnership[i] != null;
            out.integer(p.urn[i]).number(p.read18[i] + (t ? READING_EFFECT : 0), 1).number(p.mat18[i] + (t ? MATHS_EFFECT : 0), 1);
        }
        out.write(dir.resolve("outcomes.csv"));
    }
}
