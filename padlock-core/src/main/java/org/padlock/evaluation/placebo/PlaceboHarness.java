package org.padlock.evaluation.placebo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.padlock.EstimationException;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.design.DesignResult;
import org.padlock.design.DesignStage;
import org.padlock.design.Link;
import org.padlock.design.MatchSpec;
import org.padlock.design.MatchedSample;
import org.padlock.design.OutcomeBlindView;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;

/**
 * Runs the placebo: per draw, partnerships of pseudo-treated schools are drawn within local
 * authorities with selection on observables, the design stage matches them (the same
 * {@link DesignStage} as a study), and the matched difference-in-differences is fitted and handed to
 * every inference method. The same panel, spec and methods give the same result.
 *
 * <p>Columns the panel must have: {@code URN}, {@code la}, {@code fsm_ever_pct}, the spec's
 * attainment column, covariates, exact columns and outcome columns.
 */
public final class PlaceboHarness {
    private static final String TREATED = "treated";
    private static final String PARTNERSHIP = "partnership";

    private PlaceboHarness() {
    }

    /**
     * @param panel    the school panel
     * @param spec     the experiment
     * @param methods  inference methods (at least one)
     * @param progress receives a line every 10% of the draws
     */
    public static PlaceboResult run(Frame panel, PlaceboSpec spec, List<InferenceMethod> methods, Consumer<String> progress) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("give at least one inference method");
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (InferenceMethod m : methods) {
            if (descriptions.put(m.name(), m.description()) != null) {
                throw new IllegalArgumentException("inference method named twice: " + m.name());
            }
        }
        int n = panel.rowCount();
        String[] la = panel.text("la").values();
        double[] weight = selectionWeights(panel.numeric("fsm_ever_pct").values(), panel.numeric(spec.attainment()).values(),
                spec.selectFsm(), spec.selectAttainment());
        TreeMap<String, List<Integer>> byLa = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byLa.computeIfAbsent(la[i], k -> new ArrayList<>()).add(i);
        }
        byLa.values().removeIf(l -> l.size() < Math.max(spec.minLaSchools(), spec.maxSize()));
        if (byLa.isEmpty()) {
            throw new IllegalArgumentException("no local authority has " + spec.minLaSchools() + " schools");
        }
        Map<String, Integer> row = new HashMap<>();
        String[] urn = panel.text("URN").values();
        for (int i = 0; i < n; i++) {
            row.put(urn[i], i);
        }
        Set<String> outcomeCols = new HashSet<>();
        for (List<String> o : spec.outcomes()) {
            outcomeCols.add(o.get(1));
        }
        List<String> design = new ArrayList<>(spec.covariates());
        design.addAll(spec.exact());
        design.add(PARTNERSHIP);
        int k = spec.outcomes().size();
        int m = methods.size();
        double[][] est = new double[k][spec.replications()];
        double[][][] p = new double[k][m][spec.replications()];
        for (double[] e : est) {
            Arrays.fill(e, Double.NaN);
        }
        List<String> diagnostics = new ArrayList<>();
        double sumTreated = 0;
        double sumClusters = 0;
        int done = 0;
        SplittableRandom master = new SplittableRandom(spec.seed());
        for (int r = 0; r < spec.replications(); r++) {
            SplittableRandom rng = master.split();
            String[] partnership = draw(byLa, weight, n, spec, rng);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = partnership[i] == null ? 0 : 1;
            }
            Frame f = panel.with(new NumericColumn(TREATED, t)).with(new TextColumn(PARTNERSHIP, partnership));
            MatchSpec ms = new MatchSpec(spec.covariates(), List.of(), spec.exact(), Link.LOGIT, MatchSpec.Distance.PS, 1, false,
                    spec.caliper(), MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, rng.nextLong(),
                    MatchSpec.WeightConvention.MATCHIT);
            DesignResult d;
            try {
                d = DesignStage.run(OutcomeBlindView.of(f, "URN", TREATED, design, outcomeCols), ms, PARTNERSHIP);
            } catch (EstimationException e) {
                diagnostics.add("draw " + (r + 1) + ": design stage failed: " + e.getMessage());
                continue;
            }
            MatchedSample s = d.sample();
            List<Integer> used = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                if (s.weight()[i] > 0) {
                    used.add(i);
                }
            }
            int nt = 0;
            Set<String> cl = new HashSet<>();
            for (int i : used) {
                nt += s.treated()[i];
                cl.add(s.cluster()[i]);
            }
            if (nt == 0 || cl.size() < 2) {
                diagnostics.add("draw " + (r + 1) + ": " + nt + " treated schools matched in " + cl.size() + " partnerships; no estimate");
                continue;
            }
            sumTreated += nt;
            sumClusters += cl.size();
            done++;
            for (int o = 0; o < k; o++) {
                DidFit fit = did(panel, row, s, used, spec.outcomes().get(o), inferenceSeed(spec.seed(), r, o));
                est[o][r] = fit.estimate();
                for (int j = 0; j < m; j++) {
                    p[o][j][r] = methods.get(j).pValue().applyAsDouble(fit);
                }
            }
            if ((r + 1) % Math.max(1, spec.replications() / 10) == 0) {
                progress.accept(String.format(Locale.ROOT, "placebo: %d of %d draws", r + 1, spec.replications()));
            }
        }
        List<MethodSummary> rows = new ArrayList<>();
        for (int o = 0; o < k; o++) {
            double[] e = Arrays.stream(est[o]).filter(v -> !Double.isNaN(v)).toArray();
            double mean = Arrays.stream(e).average().orElse(Double.NaN);
            double sd = e.length < 2 ? Double.NaN
                    : Math.sqrt(Arrays.stream(e).map(v -> (v - mean) * (v - mean)).sum() / (e.length - 1));
            for (int j = 0; j < m; j++) {
                int reps = 0;
                int rej = 0;
                for (int r = 0; r < spec.replications(); r++) {
                    double pv = p[o][j][r];
                    if (!Double.isNaN(est[o][r]) && !Double.isNaN(pv)) {
                        reps++;
                        rej += pv < spec.alpha() ? 1 : 0;
                    }
                }
                double[] ci = reps == 0 ? new double[] {Double.NaN, Double.NaN} : Wilson.interval(rej, reps, 0.95);
                rows.add(new MethodSummary(spec.outcomes().get(o).get(0), methods.get(j).name(), reps, rej,
                        reps == 0 ? Double.NaN : (double) rej / reps, ci[0], ci[1], mean, sd));
            }
        }
        return new PlaceboResult(spec, n, done == 0 ? Double.NaN : sumTreated / done, done == 0 ? Double.NaN : sumClusters / done,
                rows, diagnostics, descriptions);
    }

    /**
     * The seed of randomised inference for draw {@code draw} (0-based) and outcome {@code outcome}: the
     * SplitMix64 finaliser (Steele, Lea and Flood 2014, OOPSLA) applied twice, to the run seed plus the
     * draw's multiple of the golden-ratio increment, then plus the outcome. Depends on nothing else, so
     * the p-values of a draw do not change with the number of draws or the methods run.
     */
    static long inferenceSeed(long runSeed, int draw, int outcome) {
        long s = mix(runSeed + 0x9E3779B97F4A7C15L * (draw + 1L));
        return mix(s + outcome);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code exp(a z(fsm) - b z(attainment))} with z-scores over the panel (selection on observables). */
    static double[] selectionWeights(double[] fsm, double[] attainment, double a, double b) {
        double[] zf = z(fsm);
        double[] za = z(attainment);
        double[] w = new double[fsm.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Double.isNaN(zf[i]) || Double.isNaN(za[i]) ? 0 : StrictMath.exp(a * zf[i] - b * za[i]);
        }
        return w;
    }

    private static double[] z(double[] x) {
        double[] ok = Arrays.stream(x).filter(v -> !Double.isNaN(v)).toArray();
        double mean = Arrays.stream(ok).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(ok).map(v -> (v - mean) * (v - mean)).sum() / (ok.length - 1));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean) / sd;
        }
        return out;
    }

    /**
     * Partnership label per panel row ({@code null}: not treated). Each partnership picks a local
     * authority with probability proportional to its schools, a size uniform on [min, max], and
     * schools in it without replacement with probability proportional to the selection weight.
     */
    static String[] draw(TreeMap<String, List<Integer>> byLa, double[] weight, int n, PlaceboSpec spec, SplittableRandom rng) {
        List<String> las = new ArrayList<>(byLa.keySet());
        double[] laWeight = new double[las.size()];
        for (int c = 0; c < laWeight.length; c++) {
            laWeight[c] = byLa.get(las.get(c)).size();
        }
        String[] out = new String[n];
        for (int q = 0; q < spec.partnerships(); q++) {
            String label = String.format(Locale.ROOT, "P%03d", q + 1);
            List<Integer> pool = byLa.get(las.get(pick(laWeight, rng)));
            int size = spec.minSize() + rng.nextInt(spec.maxSize() - spec.minSize() + 1);
            for (int s = 0; s < size; s++) {
                double[] w = new double[pool.size()];
                for (int c = 0; c < w.length; c++) {
                    w[c] = out[pool.get(c)] == null ? weight[pool.get(c)] : 0;
                }
                if (Arrays.stream(w).sum() <= 0) {
                    break;
                }
                out[pool.get(pick(w, rng))] = label;
            }
        }
        return out;
    }

    private static int pick(double[] w, SplittableRandom rng) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double u = rng.nextDouble() * total;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                acc += w[i];
                last = i;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last;
    }

    /** The DiD on the matched units: {@code post - pre} on an intercept and the treatment, matching weights. */
    static DidFit did(Frame panel, Map<String, Integer> row, MatchedSample s, List<Integer> used, List<String> outcome, long seed) {
        NumericColumn post = panel.numeric(outcome.get(1));
        NumericColumn pre = panel.numeric(outcome.get(2));
        int u = used.size();
        double[] y = new double[u];
        double[] tr = new double[u];
        double[] w = new double[u];
        String[] cl = new String[u];
        for (int k = 0; k < u; k++) {
            int i = used.get(k);
            int pr = row.get(s.ids().get(i));
            y[k] = post.get(pr) - pre.get(pr);
            tr[k] = s.treated()[i];
            w[k] = s.weight()[i];
            cl[k] = s.cluster()[i];
        }
        return fit(y, tr, w, cl, seed);
    }

    /** The DiD regression of changes {@code y} on an intercept and the 0/1 treatment {@code tr}, weights {@code w}, clusters {@code cl}. */
    static DidFit fit(double[] y, double[] tr, double[] w, String[] cl, long seed) {
        int u = y.length;
        Frame g = new Frame("matched", List.of(new NumericColumn(TREATED, tr)));
        int[] all = new int[u];
        Arrays.setAll(all, i -> i);
        ModelMatrix x = ModelMatrixBuilder.build(g, all, List.of(TREATED), Set.of(), MissingPolicy.DROP, true, true);
        double[] yy = new double[x.rowCount()];
        double[] ww = new double[x.rowCount()];
        String[] cc = new String[x.rowCount()];
        int[] tt = new int[x.rowCount()];
        for (int k = 0; k < x.rowCount(); k++) {
            int i = x.rows()[k];
            yy[k] = y[i];
            ww[k] = w[i];
            cc[k] = cl[i];
            tt[k] = (int) tr[i];
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yy, ww);
        return new DidFit(x, yy, ww, List.of(cc), tt, TREATED, fit, seed);
    }
}
