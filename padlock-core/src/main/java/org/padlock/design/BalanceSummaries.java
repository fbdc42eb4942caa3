package org.padlock.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.special.Gamma;
import org.padlock.balance.BalanceSummary;
import org.padlock.balance.BalanceTable;
import org.padlock.data.ModelMatrix;

/**
 * pstest's summary statistics (psmatch2 4.1.0 {@code pstest.ado}, Leuven and Sianesi 2003; Rubin
 * 2001 for B and R), before and after matching.
 *
 * <ul>
 * <li>Before: a probit of treatment on the propensity-model terms over all units, unweighted;
 * McFadden's pseudo-R2 {@code 1 - LL/LL0}, LR {@code chi2 = 2 (LL - LL0)} on the number of terms
 * estimated (intercept excluded), {@code p = P(chi2_df > chi2)} (upper regularised gamma function) (Stata's {@code e(r2_p)},
 * {@code e(chi2)}, {@code chi2tail(e(df_m), e(chi2))}).</li>
 * <li>After: the same probit re-fitted on the matched sample with importance weights
 * ({@code [iw=_weight]}): treated units weight 1 if matched (on support), controls psmatch2's
 * {@code _weight} (the sum over the treated units served of 1/number of their controls, so that
 * control weights sum to the number of matched treated units). MatchIt-convention weights are
 * rescaled to this before the fit; units of weight 0 are left out. The log-likelihood is
 * {@code sum w_i l_i} and LL0 uses the weighted treated share.</li>
 * <li>Rubin's B = {@code 100 |m_1 - m_0| / sqrt((v_1 + v_0)/2)} and R = {@code v_1 / v_0} of the
 * linear index {@code x'b} of that sample's probit: before, plain means and sample variances; after,
 * importance-weighted means and Stata's importance-weighted variance
 * {@code sum w (x - m)^2 / (sum w - 1)}. pstest's code reports B with its sign; it is given here
 * as an absolute value, as Rubin defines it (the two agree whenever the treated index mean is the
 * larger).</li>
 * <li>MeanBias and MedBias are taken from the balance table (every factor level counts; pstest
 * leaves out the base level of a factor).</li>
 * </ul>
 * The re-fitted model is always a probit, whatever the propensity model of the matching, as pstest.
 */
public final class BalanceSummaries {
    private static final int MAX_ITER = 100;
    /** Stop when every coefficient changes by less than this, relative to max(|b|, 0.1). */
    private static final double EPSILON = 1e-12;
    /** Relative log-likelihood change below which iterating further cannot change the fit statistics. */
    private static final double LL_EPSILON = 1e-15;

    private BalanceSummaries() {
    }

    /**
     * @param x       the propensity model's design matrix (intercept first), one row per unit
     * @param treated 1/0 per unit
     * @param weight  matching weights per unit (0 = not in the matched sample), either convention
     * @param table   the balance table of the same units (for MeanBias and MedBias)
     */
    public static BalanceSummary compute(ModelMatrix x, int[] treated, double[] weight, BalanceTable table) {
        return compute(x, treated, weight, table, null);
    }

    /**
     * As {@link #compute(ModelMatrix, int[], double[], BalanceTable)}, with Newton's iteration for the
     * unmatched sample started from {@code start}: the propensity fit's coefficients over the columns of
     * {@code x} on the probit scale, NaN exactly for the terms it dropped as collinear ({@code null}:
     * from 0). Newton's method converges to the same maximum from any start (the probit log-likelihood
     * is concave); a start near it saves iterations over all units. The propensity fit chose its terms
     * by the same rule on the same units and columns, so its choice is taken over instead of being made
     * again.
     */
    public static BalanceSummary compute(ModelMatrix x, int[] treated, double[] weight, BalanceTable table, double[] start) {
        int n = treated.length;
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        BalanceSummary.Sample before = sample(x, treated, one, table.meanAbsPctBiasBefore(), table.medianAbsPctBiasBefore(),
                start);
        BalanceSummary.Sample after = sample(x, treated, pstestWeights(treated, weight), table.meanAbsPctBiasAfter(),
                table.medianAbsPctBiasAfter(), null);
        return new BalanceSummary(before, after, "probit",
                "importance weights: treated 1 if matched; controls psmatch2 _weight (sum of 1/k over the treated served)");
    }

    /**
     * pstest's weights: treated 1 if matched, else 0; control weights rescaled to sum to the number
     * of matched treated units (psmatch2's {@code _weight}).
     */
    public static double[] pstestWeights(int[] treated, double[] weight) {
        double nTm = 0;
        double sc = 0;
        for (int i = 0; i < treated.length; i++) {
            if (weight[i] > 0) {
                if (treated[i] == 1) {
                    nTm++;
                } else {
                    sc += weight[i];
                }
            }
        }
        double[] w = new double[treated.length];
        for (int i = 0; i < w.length; i++) {
            if (weight[i] > 0) {
                w[i] = treated[i] == 1 ? 1.0 : weight[i] * nTm / sc;
            }
        }
        return w;
    }

    private static BalanceSummary.Sample sample(ModelMatrix x, int[] treated, double[] w, double meanBias, double medBias,
                                                double[] start) {
        int nT = 0;
        int nC = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                if (treated[i] == 1) {
                    nT++;
                } else {
                    nC++;
                }
            }
        }
        List<String> diag = new ArrayList<>();
        if (nT < 2 || nC < 2) {
            diag.add("fewer than two treated or control units in the sample: the treatment model was not re-fitted");
            return new BalanceSummary.Sample(Double.NaN, Double.NaN, 0, Double.NaN, meanBias, medBias, Double.NaN,
                    Double.NaN, nT, nC, diag);
        }
        Fit f = probit(x, treated, w, start, diag);
        double pseudoR2 = 1 - f.ll / f.ll0;
        double chi2 = 2 * (f.ll - f.ll0);
        int df = f.terms - 1;
        double p = df > 0 ? Gamma.regularizedGammaQ(df / 2.0, Math.max(chi2, 0) / 2) : Double.NaN;
        double[] m = new double[2];
        double[] sw = new double[2];
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                m[treated[i]] += w[i] * f.index[i];
                sw[treated[i]] += w[i];
            }
        }
        m[0] /= sw[0];
        m[1] /= sw[1];
        double[] ss = new double[2];
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                double d = f.index[i] - m[treated[i]];
                ss[treated[i]] += w[i] * d * d;
            }
        }
        // Stata's summarize with iweights (and without weights): variance = sum w (x - m)^2 / (sum w - 1)
        double v0 = ss[0] / (sw[0] - 1);
        double v1 = ss[1] / (sw[1] - 1);
        double b = 100 * Math.abs(m[1] - m[0]) / Math.sqrt((v1 + v0) / 2);
        return new BalanceSummary.Sample(pseudoR2, chi2, df, p, meanBias, medBias, b, v1 / v0, nT, nC, diag);
    }

    private record Fit(double ll, double ll0, int terms, double[] index) {
    }

    /**
     * Weighted probit maximum likelihood by Newton-Raphson with the observed information (as
     * Stata's {@code probit}; the probit log-likelihood is concave, so the iteration starts from 0, or
     * from {@code start} when given, and halves a step that lowers it), iterated until every coefficient
     * changes by less than 1e-12 relative; collinear or empty terms dropped (with {@code start}, the terms
     * it defines). Only units with w > 0 take part.
     */
    private static Fit probit(ModelMatrix x, int[] treatedAll, double[] pwAll, double[] start, List<String> diag) {
        // only units with w > 0 take part: work on those rows, in data order
        int[] rows = java.util.stream.IntStream.range(0, pwAll.length).filter(i -> pwAll[i] > 0).toArray();
        int n = rows.length;
        double[][] fullAll = x.x();
        // before matching every unit takes part: the columns are used as they are (only read)
        double[][] full = fullAll;
        if (n < pwAll.length) {
            full = new double[fullAll.length][n];
            for (int a = 0; a < full.length; a++) {
                for (int r = 0; r < n; r++) {
                    full[a][r] = fullAll[a][rows[r]];
                }
            }
        }
        int[] treated = new int[n];
        double[] pw = new double[n];
        for (int r = 0; r < n; r++) {
            treated[r] = treatedAll[rows[r]];
            pw[r] = pwAll[rows[r]];
        }
        String droppedMessage = "terms dropped from the re-fitted model as collinear or constant in the sample: ";
        int[] kept = start != null && n == pwAll.length ? ColumnAlgebra.definedTerms(start, x.names(), droppedMessage, diag)
                : ColumnAlgebra.independentTerms(full, x.names(), droppedMessage, diag);
        int p = kept.length;
        double[][] xs = ColumnAlgebra.select(full, kept);
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            sw += pw[i];
            swy += pw[i] * treated[i];
        }
        double[] beta = new double[p];
        for (int a = 0; start != null && a < p; a++) {
            double s = start[kept[a]];
            beta[a] = Double.isFinite(s) ? s : 0;
        }
        double[] eta = new double[n];
        if (start != null) {
            ColumnAlgebra.linearPredictor(xs, beta, eta);
        }
        // lp[i] = log Phi(q_i eta_i), kept with eta so that each iteration evaluates the normal tail once per unit
        double[] lp = new double[n];
        double ll = probitLogLik(treated, eta, pw, lp);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        DMatrixRMaj info = new DMatrixRMaj(p, p);
        DMatrixRMaj score = new DMatrixRMaj(p, 1);
        DMatrixRMaj step = new DMatrixRMaj(p, 1);
        double[] g = new double[n];
        double[] h = new double[n];
        double[] trialEta = new double[n];
        double[] trialLp = new double[n];
        boolean converged = false;
        double lastChange = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITER && !converged; it++) {
            double[] e = eta;
            double[] l = lp;
            RowBlocks.forEach(n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    // d log L / d eta = q lambda, -d2 log L / d eta2 = lambda (lambda + q eta), q = 2y - 1,
                    // lambda = phi(q eta) / Phi(q eta) (the inverse Mills ratio)
                    double q = treated[i] == 1 ? 1 : -1;
                    double lam = Math.exp(-0.5 * e[i] * e[i] - LOG_SQRT_2PI - l[i]);
                    h[i] = pw[i] * lam * (lam + q * e[i]);
                    // the score's weight per unit, pw q lam, as h times this ratio (h > 0: lam (lam + q eta) > 0)
                    g[i] = q / (lam + q * e[i]);
                }
            });
            ColumnAlgebra.crossProducts(xs, h, g, info, score);
            if (!solver.setA(info)) {
                diag.add("the re-fitted treatment model's information matrix became singular");
                break;
            }
            solver.solve(score, step);
            double[] trial = new double[p];
            double trialLl = Double.NEGATIVE_INFINITY;
            double scale = 1;
            for (int half = 0; half < 40; half++) {
                for (int a = 0; a < p; a++) {
                    trial[a] = beta[a] + scale * step.get(a, 0);
                }
                ColumnAlgebra.linearPredictor(xs, trial, trialEta);
                trialLl = probitLogLik(treated, trialEta, pw, trialLp);
                if (trialLl >= ll - 1e-12 * Math.abs(ll)) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int a = 0; a < p; a++) {
                change = Math.max(change, Math.abs(trial[a] - beta[a]) / Math.max(Math.abs(trial[a]), 0.1));
            }
            double gain = trialLl - ll;
            beta = trial;
            double[] t = eta;
            eta = trialEta;
            trialEta = t;
            t = lp;
            lp = trialLp;
            trialLp = t;
            ll = trialLl;
            converged = change < EPSILON;
            boolean stalled = change > 0.5 * lastChange;
            lastChange = change;
            if (!converged && stalled && it > 0 && Math.abs(gain) <= LL_EPSILON * Math.abs(ll)) {
                // the log-likelihood no longer moves while the coefficients keep moving (Newton's steps
                // no longer shrink): (quasi-)separation,
                // where the estimates run off to infinity; the LL is at its supremum, so stop here
                diag.add("the re-fitted treatment model's coefficients did not settle (log-likelihood converged)");
                converged = true;
            }
        }
        if (!converged) {
            diag.add("the re-fitted treatment model did not converge in " + MAX_ITER + " iterations");
        }
        double[] e = eta;
        int extreme = (int) RowBlocks.sum(n, (lo, hi) -> {
            int k = 0;
            for (int i = lo; i < hi; i++) {
                double m = Link.PROBIT.mean(e[i]);
                if (m < 1e-10 || m > 1 - 1e-10) {
                    k++;
                }
            }
            return k;
        });
        if (extreme > 0) {
            diag.add("separation in the re-fitted treatment model: " + extreme
                    + " fitted probabilities are numerically 0 or 1");
        }
        double pbar = swy / sw;
        double ll0 = swy * Math.log(pbar) + (sw - swy) * Math.log1p(-pbar);
        double[] index = new double[pwAll.length];
        for (int r = 0; r < n; r++) {
            index[rows[r]] = eta[r];
        }
        return new Fit(ll, ll0, p, index);
    }

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    /** The weighted probit log-likelihood (all weights positive); {@code lp} receives log Phi(q_i eta_i) per unit. */
    private static double probitLogLik(int[] y, double[] eta, double[] w, double[] lp) {
        return RowBlocks.sum(y.length, (lo, hi) -> {
            double ll = 0;
            for (int i = lo; i < hi; i++) {
                lp[i] = StandardNormal.logCdf(y[i] == 1 ? eta[i] : -eta[i]);
                ll += w[i] * lp[i];
            }
            return ll;
        });
    }
}
