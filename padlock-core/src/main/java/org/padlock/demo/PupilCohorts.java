package org.padlock.demo;

import static org.padlock.demo.DemoSchools.clamp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The simulated pupils of {@link PupilMatchedDemo} ({@code pupils.csv}); the model is described
 * there. Pupils are written school by school (school-id order), cohort 2015 before 2016.
 */
final class PupilCohorts {
    /** Intercept of the latent attainment score: puts the pool's mean near 000's -0.18. */
    static final double INTERCEPT = 0.02;
    /** Cohort 2015's latent attainment is this much higher (000 Table 8 vs Table 6 control means). */
    static final double COHORT_2015_SHIFT = 0.02;
    static final double PRIOR_SLOPE = 0.60, MALE = -0.10, EVER_FSM = -0.12, IDACI = -0.25;
    /** Max capped point score: 8 GCSEs at A* (58 points each, new-style points). */
    static final double MAX_POINTS = 464;
    /** Most that the English and maths bonuses can add to the excluding-equivalents score. */
    static final double MAX_BONUS = 116;
    /** Sessions in a school year (two a day): the most unauthorised absences a pupil can have. */
    static final int MAX_ABSENCE = 380;
    static final double P_MISSING_FSM = 0.005, P_MISSING_IDACI = 0.02, P_MISSING_KS2 = 0.05,
            P_MISSING_KS4 = 0.011, P_MISSING_ABSENCE = 0.013;
    /** National KS2 quartile cut points of the prior-attainment score (standard normal quartiles). */
    static final double[] QUARTILE_CUTS = {-0.6744897501960817, 0, 0.6744897501960817};
    /** Prior attainment below this (national SD units) is low prior attainment. */
    static final double LOW_PRIOR = -0.5;

    private PupilCohorts() {
    }

    static void write(Path dir, DemoSchools s, DemoRandom rng) {
        CsvOut out = new CsvOut(List.of("pupil_id", "school_id", "cohort", "season_of_birth", "male", "ever_fsm", "idaci",
                "ks2_quartile", "low_prior", "ks4_points", "ks4_points_ex", "tf_goal", "absence"));
        double sigmaE = Math.sqrt(PupilMatchedDemo.SCHOOL_VARIANCE * (1 - PupilMatchedDemo.ICC) / PupilMatchedDemo.ICC);
        double logBaseRate = StrictMath.log(5.0);
        int pupil = 0;
        for (int j = 0; j < s.n; j++) {
            boolean treated = s.group[j] == PupilMatchedDemo.GROUP_TREATED;
            for (int c = 0; c < 2; c++) {
                String cohort = Integer.toString(2015 + c);
                double effect = !treated ? 0 : c == 1 ? PupilMatchedDemo.EFFECT_2016 : PupilMatchedDemo.EFFECT_2015;
                double absenceRatio = treated && c == 1 ? PupilMatchedDemo.ABSENCE_RATE_RATIO_2016 : 1;
                double shift = INTERCEPT + (c == 0 ? COHORT_2015_SHIFT : 0) + s.attainmentEffect[j] + effect;
                double p = s.everFsmRate[j];
                for (int k = 0; k < s.cohortSize[j][c]; k++) {
                    pupil++;
                    double u = rng.uniform();
                    String season = u < 0.335 ? "autumn" : u < 0.655 ? "spring" : "summer";
                    double older = season.equals("autumn") ? 1 : season.equals("summer") ? -1 : 0;
                    int male = rng.bernoulli(0.51) ? 1 : 0;
                    int fsm = rng.bernoulli(p) ? 1 : 0;
                    double idaci = clamp(s.idaciMean[j] + 0.08 * (fsm - p) + 0.13 * rng.gaussian(), 0.005, 0.98);
                    double prior = s.priorMean[j] - 0.35 * (fsm - p) + 0.12 * older + 0.9 * rng.gaussian();
                    double y = shift + PRIOR_SLOPE * prior + MALE * male + EVER_FSM * fsm + IDACI * (idaci - 0.35)
                            + 0.03 * older + sigmaE * rng.gaussian();
                    double yEx = 0.93 * y + 0.37 * rng.gaussian() - s.equivalents[j];
                    double yTf = 0.97 * yEx + 0.243 * rng.gaussian();
                    double ks4 = Math.round(clamp(PupilMatchedDemo.KS4_MEAN + PupilMatchedDemo.KS4_SD * y, 0, MAX_POINTS));
                    double ex = Math.min(ks4, Math.round(clamp(PupilMatchedDemo.KS4_EX_MEAN + PupilMatchedDemo.KS4_EX_SD * yEx, 0, MAX_POINTS)));
                    double tf = clamp(Math.round(PupilMatchedDemo.TF_MEAN + PupilMatchedDemo.TF_SD * yTf), ex, ex + MAX_BONUS);
                    double rate = StrictMath.exp(logBaseRate + 0.45 * fsm - 0.30 * y + s.absenceEffect[j])
                            * rng.gamma(0.9) / 0.9 * absenceRatio;
                    double absence = Math.min(MAX_ABSENCE, rng.poisson(rate));
                    boolean fsmMissing = rng.bernoulli(P_MISSING_FSM), idaciMissing = rng.bernoulli(P_MISSING_IDACI),
                            ks2Missing = rng.bernoulli(P_MISSING_KS2), ks4Missing = rng.bernoulli(P_MISSING_KS4),
                            absenceMissing = rng.bernoulli(P_MISSING_ABSENCE) || j == s.noAbsence;
                    int quartile = 1;
                    while (quartile <= 3 && prior >= QUARTILE_CUTS[quartile - 1]) {
                        quartile++;
                    }
                    out.text(String.format(Locale.ROOT, "P%06d", pupil)).text(s.id[j]).text(cohort).text(season)
                            .integer(male)
                            .text(fsmMissing ? null : Integer.toString(fsm))
                            .number(idaciMissing ? Double.NaN : idaci, 3)
                            .text(ks2Missing ? null : Integer.toString(quartile))
                            .text(ks2Missing ? null : prior < LOW_PRIOR ? "1" : "0")
                            .number(ks4Missing ? Double.NaN : ks4, 0)
                            .number(ks4Missing ? Double.NaN : ex, 0)
                            .number(ks4Missing ? Double.NaN : tf, 0)
                            .number(absenceMissing ? Double.NaN : absence, 0);
                }
            }
        }
        out.write(dir.resolve("pupils.csv"));
    }
}
