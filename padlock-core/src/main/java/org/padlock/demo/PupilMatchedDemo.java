package org.padlock.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled pupil-level propensity-matched comparison demo, after seed 000 (Achieve Together):
 * entirely simulated data with the shape and the published summary numbers of that evaluation.
 *
 * <p><b>Schools</b> ({@code schools.csv}): 14 treated schools, a pool of 72 schools that expressed
 * interest ({@code interested = 1}, as 000's comparison pool) and 12 eligible schools that did not
 * ({@code interested = 0}; outside the pool, to be dropped by the plan's {@code pool} filter).
 * Covariates are calibrated to 000 Table 4: each group's mean is set exactly to the table's (treated:
 * 5A*-C incl. English and maths 46.1%, capped points 221, value added 1007.4, teachers with QTS 93.2%,
 * FSM 32%, EAL 28.8%, SEN 10.6%; pool: 49.2, 218.7, 1001.8, 94.6, 31.5, 19.6, 11.6) and the Ofsted
 * counts are exact (treated 8, 8, 9 of 14 good or better for overall effectiveness, teaching,
 * leadership and management; pool 36, 38, 47 of 66 with 6 missing). Two pool schools lack QTS and
 * one lacks EAL, as in the table. Selection on observables is therefore the table's: treated schools
 * have lower attainment, more EAL pupils and (as the table shows, though 000's text says the
 * opposite) higher value added. {@code npqsl_participants} is 000 Table 2's NPQSL column for the 14
 * treated schools (10 of 14 have at least one) and 0 for the others.
 *
 * <p><b>Pupils</b> ({@code pupils.csv}): two cohorts per school (2015 = year-1 outcome cohort, 2016 =
 * year-2), about 170 pupils each (000 Table 4: 2,441 pupils in 14 schools). Attainment is a latent
 * score on the national standardised scale: school effect + 0.60 x prior attainment - 0.10 male -
 * 0.12 ever-FSM - 0.25 (IDACI - 0.35) + season of birth + treatment effect + pupil noise, with the
 * school effect's variance {@value #SCHOOL_VARIANCE} and the pupil noise's chosen so that the
 * intra-class correlation net of the pupil covariates is {@value #ICC} (000 Table 3). The true
 * effect is {@value #EFFECT_2016} SD in cohort 2016 and {@value #EFFECT_2015} SD in cohort 2015 (000
 * Tables 6 and 8: 0.014 and -0.067). Raw scores: {@code ks4_points} = {@value #KS4_MEAN} +
 * {@value #KS4_SD} x latent (capped GCSE and equivalents point score; a chosen national mean and SD,
 * not an official statistic) on [0, 464]; {@code ks4_points_ex} (excluding equivalents) and
 * {@code tf_goal} (Teach First goal: excluding equivalents plus English and maths bonuses) likewise
 * from correlated latent scores with national means and SDs {@value #KS4_EX_MEAN}/{@value #KS4_EX_SD}
 * and {@value #TF_MEAN}/{@value #TF_SD}; {@code absence} is a gamma-Poisson count of unauthorised
 * absences (mean about 6, long right tail), with rate ratio {@value #ABSENCE_RATE_RATIO_2016} in
 * treated schools in cohort 2016. Missing: ever-FSM 0.5%, IDACI 2%, KS2 quartile (and then
 * {@code low_prior}) 5%, the three KS4 scores together 1.1%, absence 1.3% plus every pupil of one
 * pool school (000: "pupil absence data is missing for all pupils in one school").
 * {@code low_prior} = prior attainment below -0.5 national SD (every pupil of KS2 quartile 1 and the
 * lower part of quartile 2).
 *
 * <p>{@code study.yaml} is the seed's plan: matching as 000 (6 neighbours with replacement, caliper
 * 1 in raw propensity units, psmatch2 weights), the outcomes standardised to the national mean and
 * SD above, subgroups, on-treatment, and the cost inputs of 000 Tables 12, 12a, 13, 15, 16.
 */
public final class PupilMatchedDemo {
    /** National mean of {@code ks4_points} (the primary outcome's reference mean). */
    public static final double KS4_MEAN = 310;
    /** National SD of {@code ks4_points}. */
    public static final double KS4_SD = 95;
    /** National mean of {@code ks4_points_ex}. */
    public static final double KS4_EX_MEAN = 280;
    /** National SD of {@code ks4_points_ex}. */
    public static final double KS4_EX_SD = 110;
    /** National mean of {@code tf_goal}. */
    public static final double TF_MEAN = 360;
    /** National SD of {@code tf_goal}. */
    public static final double TF_SD = 140;
    /** True effect on the latent attainment score (national SD units), cohort 2016. */
    public static final double EFFECT_2016 = 0.02;
    /** True effect on the latent attainment score (national SD units), cohort 2015. */
    public static final double EFFECT_2015 = -0.05;
    /** Rate ratio of unauthorised absences in treated schools, cohort 2016 (1 in 2015). */
    public static final double ABSENCE_RATE_RATIO_2016 = 0.97;
    /** Intra-class correlation of the latent attainment score net of pupil covariates. */
    public static final double ICC = 0.086;
    /** Variance of the school effect on the latent attainment score. */
    public static final double SCHOOL_VARIANCE = 0.055;
    static final int TREATED = 14, POOL = 72, NOT_INTERESTED = 12;
    /** 000 Table 2, NPQSL participants of schools A-N. */
    static final int[] NPQSL = {1, 0, 1, 7, 2, 2, 0, 0, 1, 0, 2, 5, 2, 1};
    static final int GROUP_TREATED = 0, GROUP_POOL = 1, GROUP_OTHER = 2;

    private PupilMatchedDemo() {
    }

    /** Writes the demo study into {@code dir} (created if needed); the same seed gives the same bytes. */
    public static void write(Path dir, long seed) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        DemoRandom rng = new DemoRandom(seed);
        DemoSchools schools = DemoSchools.draw(rng.split());
        writeSchools(dir, schools);
        PupilCohorts.write(dir, schools, rng.split());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("seed", Long.toString(seed));
        values.put("ks4_mean", CsvOut.format(KS4_MEAN, 0));
        values.put("ks4_sd", CsvOut.format(KS4_SD, 0));
        values.put("ks4_ex_mean", CsvOut.format(KS4_EX_MEAN, 0));
        values.put("ks4_ex_sd", CsvOut.format(KS4_EX_SD, 0));
        values.put("tf_mean", CsvOut.format(TF_MEAN, 0));
        values.put("tf_sd", CsvOut.format(TF_SD, 0));
        values.put("effect_2016", CsvOut.format(EFFECT_2016, 2));
        values.put("effect_2015", CsvOut.format(EFFECT_2015, 2));
        values.put("absence_ratio", CsvOut.format(ABSENCE_RATE_RATIO_2016, 2));
        values.put("icc", CsvOut.format(ICC, 3));
        values.put("absence_school", schools.id[schools.noAbsence]);
        Template.write("study-pupil-matched.yaml", values, dir.resolve("study.yaml"));
    }

    private static void writeSchools(Path dir, DemoSchools s) {
        CsvOut out = new CsvOut(List.of("school_id", "treated", "interested", "ptac5em", "capped_points", "b8vamea",
                "ttapsgcp", "pnumfsm", "pnumeal", "psen", "ofsted_overall_good", "ofsted_teaching_good", "ofsted_lm_good",
                "npqsl_participants"));
        for (int j = 0; j < s.n; j++) {
            out.text(s.id[j]).integer(s.group[j] == GROUP_TREATED ? 1 : 0).integer(s.group[j] == GROUP_OTHER ? 0 : 1)
                    .number(s.ptac5em[j], 1).number(s.cappedPoints[j], 1).number(s.b8vamea[j], 1)
                    .number(s.ttapsgcp[j], 1).number(s.pnumfsm[j], 1).number(s.pnumeal[j], 1).number(s.psen[j], 1)
                    .number(s.ofstedOverall[j], 0).number(s.ofstedTeaching[j], 0).number(s.ofstedLm[j], 0)
                    .integer(s.npqsl[j]);
        }
        out.write(dir.resolve("schools.csv"));
    }

    /** {@code S001}-style school identifier. */
    static String schoolId(int k) {
        return String.format(Locale.ROOT, "S%03d", k);
    }
}
