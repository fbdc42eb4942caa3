package org.padlock.demo;

import static org.padlock.demo.PupilMatchedDemo.GROUP_OTHER;
import static org.padlock.demo.PupilMatchedDemo.GROUP_POOL;
import static org.padlock.demo.PupilMatchedDemo.GROUP_TREATED;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The simulated schools of {@link PupilMatchedDemo}, in school-id order, with the school-level
 * quantities the pupil generator needs. Each school has a disadvantage factor {@code d} and a
 * quality factor {@code q} (independent standard normal); a covariate is its group's target mean
 * plus its SD times a standardised mix of {@code d}, {@code q} and its own noise, centred within the
 * group so that the group mean is the target exactly (000 Table 4 for treated and pool schools).
 */
final class DemoSchools {
    /** Covariate targets: mean for treated, pool, not interested; between-school SD. */
    private static final double[][] PTAC5EM = {{46.1, 49.2, 52.0}, {10}};
    private static final double[][] CAPPED = {{221.0, 218.7, 225.0}, {22}};
    private static final double[][] VA = {{1007.4, 1001.8, 1000.5}, {11}};
    private static final double[][] QTS = {{93.2, 94.6, 95.0}, {3.5}};
    private static final double[][] FSM = {{32.0, 31.5, 28.0}, {9}};
    private static final double[][] EAL = {{28.8, 19.6, 16.0}, {14}};
    private static final double[][] SEN = {{10.6, 11.6, 11.0}, {3}};
    /** Ofsted good-or-better counts (overall, teaching, leadership) per group, among observed. */
    private static final int[][] OFSTED_GOOD = {{8, 8, 9}, {36, 38, 47}, {7, 7, 8}};
    private static final int OFSTED_MISSING_POOL = 6, QTS_MISSING_POOL = 2, EAL_MISSING_POOL = 1;

    final int n;
    final String[] id;
    final int[] group, npqsl;
    final double[] ptac5em, cappedPoints, b8vamea, ttapsgcp, pnumfsm, pnumeal, psen;
    final double[] ofstedOverall, ofstedTeaching, ofstedLm;
    /** School effect on the latent attainment score (variance about {@link PupilMatchedDemo#SCHOOL_VARIANCE}). */
    final double[] attainmentEffect;
    /** Mean prior (KS2) attainment of the school's pupils, national SD units. */
    final double[] priorMean;
    /** Probability that a pupil was ever eligible for FSM. */
    final double[] everFsmRate;
    /** Mean IDACI score of the school's pupils. */
    final double[] idaciMean;
    /** Reduction of the excluding-equivalents latent score (use of equivalent qualifications). */
    final double[] equivalents;
    /** School effect on the log absence rate. */
    final double[] absenceEffect;
    /** Pupils per cohort: [school][0] cohort 2015, [school][1] cohort 2016. */
    final int[][] cohortSize;
    /** Row of the pool school whose pupils all lack the absence outcome. */
    int noAbsence = -1;

    private DemoSchools(int n) {
        this.n = n;
        id = new String[n];
        group = new int[n];
        npqsl = new int[n];
        ptac5em = new double[n];
        cappedPoints = new double[n];
        b8vamea = new double[n];
        ttapsgcp = new double[n];
        pnumfsm = new double[n];
        pnumeal = new double[n];
        psen = new double[n];
        ofstedOverall = new double[n];
        ofstedTeaching = new double[n];
        ofstedLm = new double[n];
        attainmentEffect = new double[n];
        priorMean = new double[n];
        everFsmRate = new double[n];
        idaciMean = new double[n];
        equivalents = new double[n];
        absenceEffect = new double[n];
        cohortSize = new int[n][2];
    }

    static DemoSchools draw(DemoRandom rng) {
        int n = PupilMatchedDemo.TREATED + PupilMatchedDemo.POOL + PupilMatchedDemo.NOT_INTERESTED;
        DemoSchools s = new DemoSchools(n);
        int[] groups = new int[n];
        for (int j = 0; j < n; j++) {
            groups[j] = j < PupilMatchedDemo.TREATED ? GROUP_TREATED
                    : j < PupilMatchedDemo.TREATED + PupilMatchedDemo.POOL ? GROUP_POOL : GROUP_OTHER;
        }
        rng.shuffle(groups);
        double[] d = new double[n], q = new double[n];
        for (int j = 0; j < n; j++) {
            s.id[j] = PupilMatchedDemo.schoolId(j + 1);
            s.group[j] = groups[j];
            d[j] = rng.gaussian();
            q[j] = rng.gaussian();
        }
        double[] ptacScore = mix(rng, new double[][] {q, d}, new double[] {0.8, -0.45}, 0.4);
        double[] cappedScore = mix(rng, new double[][] {ptacScore}, new double[] {0.9}, 0.44);
        double[] vaScore = mix(rng, new double[][] {q}, new double[] {0.6}, 0.8);
        double[] qtsScore = mix(rng, new double[][] {q}, new double[] {0.3}, 0.95);
        double[] ealScore = mix(rng, new double[][] {d}, new double[] {0.5}, 0.87);
        double[] senScore = mix(rng, new double[][] {d}, new double[] {0.4}, 0.9);
        boolean[] qtsMissing = pick(rng, s.group, GROUP_POOL, QTS_MISSING_POOL);
        boolean[] ealMissing = pick(rng, s.group, GROUP_POOL, EAL_MISSING_POOL);
        boolean[] ofstedMissing = pick(rng, s.group, GROUP_POOL, OFSTED_MISSING_POOL);
        fill(s.ptac5em, ptacScore, s.group, PTAC5EM, null, 5, 95);
        fill(s.cappedPoints, cappedScore, s.group, CAPPED, null, 100, 400);
        fill(s.b8vamea, vaScore, s.group, VA, null, 940, 1060);
        fill(s.ttapsgcp, qtsScore, s.group, QTS, qtsMissing, 70, 100);
        fill(s.pnumfsm, d, s.group, FSM, null, 2, 80);
        fill(s.pnumeal, ealScore, s.group, EAL, ealMissing, 0, 95);
        fill(s.psen, senScore, s.group, SEN, null, 1, 30);
        double[] ofsted = mix(rng, new double[][] {q}, new double[] {0.7}, 0.7);
        ofsted(s.ofstedOverall, mix(rng, new double[][] {ofsted}, new double[] {0.8}, 0.6), s.group, 0, ofstedMissing);
        ofsted(s.ofstedTeaching, mix(rng, new double[][] {ofsted}, new double[] {0.8}, 0.6), s.group, 1, ofstedMissing);
        ofsted(s.ofstedLm, mix(rng, new double[][] {ofsted}, new double[] {0.8}, 0.6), s.group, 2, ofstedMissing);
        int t = 0;
        for (int j = 0; j < n; j++) {
            s.npqsl[j] = s.group[j] == GROUP_TREATED ? PupilMatchedDemo.NPQSL[t++] : 0;
        }
        double[] zPtac = standardise(s.ptac5em), zVa = standardise(s.b8vamea);
        double schoolSd = Math.sqrt(PupilMatchedDemo.SCHOOL_VARIANCE);
        for (int j = 0; j < n; j++) {
            // 0.45 zPtac + 0.35 zVa has variance about 0.48 (their correlation is about 0.5); 0.72 tops it up to 1.
            s.attainmentEffect[j] = schoolSd * (0.45 * zPtac[j] + 0.35 * zVa[j] + 0.72 * rng.gaussian());
            s.priorMean[j] = -0.15 - 0.015 * (s.pnumfsm[j] - 31.5) + 0.10 * zPtac[j] + 0.08 * rng.gaussian();
            s.everFsmRate[j] = clamp(1.45 * s.pnumfsm[j] / 100, 0.05, 0.9);
            s.idaciMean[j] = clamp(0.35 + 0.007 * (s.pnumfsm[j] - 31.5) + 0.03 * rng.gaussian(), 0.05, 0.8);
            s.equivalents[j] = clamp(0.15 + 0.05 * rng.gaussian(), 0, 0.4);
            s.absenceEffect[j] = 0.25 * rng.gaussian() + 0.15 * d[j];
            int size = (int) Math.round(clamp(rng.normal(170, 22), 125, 215));
            s.cohortSize[j][1] = size;
            s.cohortSize[j][0] = (int) Math.round(clamp(size + rng.normal(0, 8), 122, 218));
        }
        int[] pool = IntStream.range(0, n).filter(j -> s.group[j] == GROUP_POOL).toArray();
        s.noAbsence = pool[rng.below(pool.length)];
        return s;
    }

    /** {@code sum(w_k f_k) + noise x N(0,1)}, divided by the square root of {@code sum(w_k^2) + noise^2}. */
    private static double[] mix(DemoRandom rng, double[][] factors, double[] w, double noise) {
        int n = factors[0].length;
        double scale = noise * noise;
        for (double x : w) {
            scale += x * x;
        }
        scale = Math.sqrt(scale);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double v = noise * rng.gaussian();
            for (int k = 0; k < w.length; k++) {
                v += w[k] * factors[k][j];
            }
            out[j] = v / scale;
        }
        return out;
    }

    /** {@code count} schools of group {@code g}, chosen at random. */
    private static boolean[] pick(DemoRandom rng, int[] group, int g, int count) {
        int[] rows = IntStream.range(0, group.length).filter(j -> group[j] == g).toArray();
        rng.shuffle(rows);
        boolean[] out = new boolean[group.length];
        for (int k = 0; k < count; k++) {
            out[rows[k]] = true;
        }
        return out;
    }

    /**
     * target mean + SD x (score - centre), clamped to [lo, hi], NaN where missing; the centre starts at
     * the group's mean score over observed schools and moves until the clamped values average to the
     * target (clamping, rare with these SDs, would otherwise pull the mean off).
     */
    private static void fill(double[] out, double[] score, int[] group, double[][] target, boolean[] missing, double lo, double hi) {
        double sd = target[1][0];
        for (int g = 0; g < 3; g++) {
            double sum = 0;
            int m = 0;
            for (int j = 0; j < out.length; j++) {
                if (group[j] == g && (missing == null || !missing[j])) {
                    sum += score[j];
                    m++;
                }
            }
            double centre = sum / m;
            for (int iteration = 0; iteration < 100; iteration++) {
                double mean = 0;
                for (int j = 0; j < out.length; j++) {
                    if (group[j] == g && (missing == null || !missing[j])) {
                        out[j] = clamp(target[0][g] + sd * (score[j] - centre), lo, hi);
                        mean += out[j] / m;
                    } else if (group[j] == g) {
                        out[j] = Double.NaN;
                    }
                }
                double gap = target[0][g] - mean;
                if (Math.abs(gap) < 1e-9) {
                    break;
                }
                centre -= gap / sd;
            }
        }
    }

    /** 1 for the {@code good[g][k]} observed schools of each group with the highest latent rating, 0 for the rest. */
    private static void ofsted(double[] out, double[] latent, int[] group, int k, boolean[] missing) {
        for (int g = 0; g < 3; g++) {
            final int gg = g;
            Integer[] rows = IntStream.range(0, out.length).filter(j -> group[j] == gg && !missing[j])
                    .boxed().toArray(Integer[]::new);
            Arrays.sort(rows, (a, b) -> latent[b] != latent[a] ? Double.compare(latent[b], latent[a]) : Integer.compare(a, b));
            for (int r = 0; r < rows.length; r++) {
                out[rows[r]] = r < OFSTED_GOOD[g][k] ? 1 : 0;
            }
        }
        for (int j = 0; j < out.length; j++) {
            if (missing[j]) {
                out[j] = Double.NaN;
            }
        }
    }

    /** z-scores with the sample SD (n - 1), shared by the demo generators. */
    static double[] standardise(double[] x) {
        double mean = 0, ss = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean) / sd;
        }
        return z;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
