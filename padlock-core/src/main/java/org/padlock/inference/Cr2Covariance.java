package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import org.padlock.estimation.ols.WlsFit;

/**
 * The bias-reduced linearisation cluster-robust covariance CR2 (Bell and McCaffrey 2002; Pustejovsky
 * and Tipton 2018, J. Business and Economic Statistics 36(4), 672-683) with Satterthwaite degrees of
 * freedom per coefficient, as R {@code clubSandwich::vcovCR(fit, cluster, type = "CR2")} and
 * {@code coef_test(..., test = "Satterthwaite")} compute them for an {@code lm} fit (version 0.5.8).
 *
 * <p>Notation: {@code M = (X'WX)^-1}, {@code S = sum_h X_h'W_h W_h X_h}, cluster {@code g} with rows
 * {@code X_g}, weights {@code W_g}, residuals {@code e_g}. With the clubSandwich default for a weighted
 * {@code lm} (working model {@code Theta = I}, {@code inverse_var = FALSE}; this is NOT an
 * inverse-variance target), {@code B_g = I - H_gg - H_gg' + X_g M S M X_g'} with
 * {@code H_gg = X_g M X_g'W_g} (that is {@code (I-H)_g. (I-H)_g.'}), {@code A_g = B_g^{-1/2}} and
 * {@code V = M [sum_g X_g'W_g A_g e_g e_g' A_g W_g X_g] M}. Unweighted this is Bell-McCaffrey's
 * {@code A_g = (I - X_g M X_g')^{-1/2}}. With {@code inverseVariance} (clubSandwich
 * {@code inverse_var = TRUE}, {@code Theta = W^-1}, weights scaled to mean 1) clubSandwich 0.5.8 uses
 * {@code B_g = D (I - X_g M X_g'W_g) Theta_g D'} with {@code D = chol(Theta_g) = W_g^{-1/2}} and
 * {@code A_g = D' B_g^{-1/2} D}, and the Satterthwaite matrix {@code P_gh = [g=h] u_g'Theta_g u_g -
 * (X_g'u_g)'M(X_h'u_h)}; the same is done here. (With weights constant within clusters this equals the
 * unweighted CR2 of the data scaled by {@code sqrt(w)}; with weights varying within clusters it does not.)
 *
 * <p>{@code B_g^{-1/2}} is the symmetric square root of the Moore-Penrose inverse (eigenvalues at or
 * below {@code 1e-12} set to 0), as clubSandwich does; this happens when a cluster's rows are
 * fitted exactly by its own parameters (e.g. a cluster fixed effect, or a cluster alone in a
 * category) and is reported in {@link #diagnostics()}. With fewer than two clusters every number is
 * {@code NaN} and a diagnostic says why.
 *
 * <p>Satterthwaite df for coefficient {@code j} ({@code m = M c_j}): {@code u_g = A_g W_g X_g m},
 * {@code z_g = M X_g'u_g}, {@code p_g = X_g'W_g u_g}, {@code P_gh = [g=h] u_g'u_g - z_g'p_h - p_g'z_h
 * + z_g'S z_h} (clubSandwich's {@code get_P_array}); {@code df = (tr P)^2 / tr(P^2)}. {@code P} is a
 * diagonal plus {@code F'CF} with {@code f_g = (z_g, p_g)} and {@code C = [[S, -I], [-I, 0]]}, so the
 * traces cost {@code O(G k^3)} without forming the {@code G x G} matrix. A cluster with more than
 * {@code 2k} rows takes a low-rank route ({@code B_g} is the identity plus a matrix of rank at most
 * {@code 2k}; see {@code lowRankAdjusted}), so the cost of the whole estimator is {@code O(n k^2 + G k^3)},
 * linear in the number of pupils; smaller clusters, and the {@code inverseVariance} variant, use the
 * direct {@code n_g x n_g} eigen-decomposition.
 */
public final class Cr2Covariance {
    private final double[][] v;
    private final double[] df;
    private final int clusters;
    private final List<String> diagnostics;

    private Cr2Covariance(double[][] v, double[] df, int clusters, List<String> diagnostics) {
        this.v = v;
        this.df = df;
        this.clusters = clusters;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * @param fit             the weighted least-squares fit
     * @param clusterIds      cluster id of every row of the design given to the fit
     * @param inverseVariance weights are inverse variances ({@code inverse_var = TRUE}); false is clubSandwich's default for a weighted lm
     */
    public static Cr2Covariance of(WlsFit fit, String[] clusterIds, boolean inverseVariance) {
        return of(fit, clusterIds, inverseVariance, 2 * fit.rank());
    }

    /**
     * As {@link #of(WlsFit, String[], boolean)}, taking the low-rank route for clusters of more than
     * {@code lowRankAbove} observations (for tests: 0 always, {@code Integer.MAX_VALUE} never).
     */
    static Cr2Covariance of(WlsFit fit, String[] clusterIds, boolean inverseVariance, int lowRankAbove) {
        ClusterIndex index = ClusterIndex.of(clusterIds, fit.usedRows());
        int k = fit.rank();
        int G = index.size();
        List<String> diag = new ArrayList<>();
        if (G < 2) {
            diag.add("only one cluster: a cluster-robust (CR2) standard error cannot be estimated");
            double[][] nan = Linear.scale(fit.bread(), Double.NaN);
            double[] dfs = new double[k];
            java.util.Arrays.fill(dfs, Double.NaN);
            return new Cr2Covariance(nan, dfs, G, diag);
        }
        double[][] m = fit.bread();
        double wScale = 1.0;
        if (inverseVariance) {
            // clubSandwich scales weights to mean 1; the estimate is invariant to the scale but the 1e-12
            // eigenvalue threshold is not, so do the same.
            double sum = 0;
            for (int i = 0; i < fit.n(); i++) {
                sum += fit.weight(i);
            }
            wScale = fit.n() / sum;
            m = Linear.scale(m, 1.0 / wScale);
        }
        double[][] s = new double[k][k];
        if (!inverseVariance) {
            for (int i = 0; i < fit.n(); i++) {
                Linear.addOuter(s, fit.row(i), fit.weight(i) * fit.weight(i));
            }
        }
        double[][] msm = Linear.sandwich(m, s);
        double[][] meat = new double[k][k];
        // per-coefficient accumulators of the Satterthwaite traces
        double[] sumD = new double[k];
        double[] sumD2 = new double[k];
        double[] sumFcf = new double[k];
        double[] sumDfcf = new double[k];
        double[][][] kk = new double[k][2 * k][2 * k];
        double[][] cmat = new double[2 * k][2 * k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                cmat[a][c] = s[a][c];
            }
            cmat[a][k + a] = inverseVariance ? -0.5 : -1.0;
            cmat[k + a][a] = cmat[a][k + a];
        }
        int singular = 0;
        for (int g = 0; g < G; g++) {
            int[] rows = index.membersRef(g);
            int ng = rows.length;
            double[][] x = new double[ng][];
            double[][] wx = new double[ng][];
            double[] w = new double[ng];
            double[] e = new double[ng];
            for (int a = 0; a < ng; a++) {
                int i = rows[a];
                x[a] = fit.row(i);
                w[a] = fit.weight(i) * wScale;
                e[a] = fit.residual(i);
                wx[a] = x[a].clone();
                for (int c = 0; c < k; c++) {
                    wx[a][c] *= w[a];
                }
            }
            double[][] u; // U_g = A_g W_g X_g, n_g x k
            int[] zero = new int[1];
            if (!inverseVariance && ng > lowRankAbove) {
                u = lowRankAdjusted(x, wx, w, m, msm, zero);
            } else {
                double[][] xm = Linear.mult(x, m);
                double[][] b = new double[ng][ng];
                if (inverseVariance) {
                    // B_g = D (I - X_g M X_g'W_g) Theta_g D' with Theta_g = W_g^-1 and D = chol(Theta_g) = W_g^-1/2
                    for (int a = 0; a < ng; a++) {
                        for (int c = 0; c < ng; c++) {
                            b[a][c] = -Linear.dot(xm[a], x[c]) / Math.sqrt(w[a] * w[c]);
                        }
                        b[a][a] += 1.0 / (w[a] * w[a]);
                    }
                } else {
                    double[][] xn = Linear.mult(x, msm);
                    for (int a = 0; a < ng; a++) {
                        for (int c = 0; c < ng; c++) {
                            double h = Linear.dot(xm[a], x[c]);
                            b[a][c] += -h * w[c] + Linear.dot(xn[a], x[c]);
                            b[c][a] -= h * w[c];
                        }
                        b[a][a] += 1.0;
                    }
                }
                double[][] amat = Linear.symmetricPower(b, -0.5, zero);
                if (inverseVariance) {
                    // A_g = D' B_g^-1/2 D
                    for (int a = 0; a < ng; a++) {
                        for (int c = 0; c < ng; c++) {
                            amat[a][c] /= Math.sqrt(w[a] * w[c]);
                        }
                    }
                }
                u = Linear.mult(amat, wx);
            }
            if (zero[0] > 0) {
                singular++;
            }
            double[] sg = new double[k];
            for (int a = 0; a < ng; a++) {
                for (int c = 0; c < k; c++) {
                    sg[c] += u[a][c] * e[a];
                }
            }
            Linear.addOuter(meat, sg, 1.0);
            double[][] xu = new double[k][k];
            double[][] pu = new double[k][k];
            double[][] uu = new double[k][k];
            for (int a = 0; a < ng; a++) {
                Linear.addOuterAsym(xu, x[a], u[a]);
                Linear.addOuterAsym(pu, inverseVariance ? x[a] : wx[a], u[a]);
                Linear.addOuterAsym(uu, u[a], Linear.scale(new double[][] {u[a]}, inverseVariance ? 1.0 / w[a] : 1.0)[0]);
            }
            double[][] zmat = Linear.mult(m, xu);
            for (int j = 0; j < k; j++) {
                double[] mj = m[j];
                double[] f = new double[2 * k];
                System.arraycopy(Linear.mult(zmat, mj), 0, f, 0, k);
                System.arraycopy(Linear.mult(pu, mj), 0, f, k, k);
                double d = Linear.dot(mj, Linear.mult(uu, mj));
                double fcf = Linear.dot(f, Linear.mult(cmat, f));
                sumD[j] += d;
                sumD2[j] += d * d;
                sumFcf[j] += fcf;
                sumDfcf[j] += d * fcf;
                Linear.addOuter(kk[j], f, 1.0);
            }
        }
        if (singular > 0) {
            diag.add(singular + " of " + G + " clusters have a singular I - H_gg (rows fitted exactly by their own"
                    + " parameters, e.g. a cluster fixed effect or a cluster of one); the Moore-Penrose inverse square root"
                    + " is used for them, as clubSandwich does");
        }
        double[] df = new double[k];
        for (int j = 0; j < k; j++) {
            double[][] ck = Linear.mult(cmat, kk[j]);
            double trCk2 = 0;
            for (int a = 0; a < 2 * k; a++) {
                for (int c = 0; c < 2 * k; c++) {
                    trCk2 += ck[a][c] * ck[c][a];
                }
            }
            double trP = sumD[j] + sumFcf[j];
            double trP2 = sumD2[j] + 2 * sumDfcf[j] + trCk2;
            df[j] = trP * trP / trP2;
        }
        return new Cr2Covariance(Linear.sandwich(m, meat), df, G, diag);
    }

    /**
     * {@code A_g W_g X_g} without an {@code n_g x n_g} eigen-decomposition: {@code B_g = I + L C L'} with
     * {@code L = [X_g, W_g X_g]} and {@code C = [[M S M, -M], [-M, 0]]}; with {@code Q} an orthonormal basis
     * of the columns of {@code L}, {@code B_g = Q T Q' + (I - QQ')} with {@code T = I + Q'L C L'Q}, so
     * {@code B_g^{-1/2} = I + Q (T^{-1/2} - I) Q'} (eigenvalues of {@code T} at or below 1e-12 mapped to 0,
     * as in the direct route). When the cluster has one weight {@code w0}, {@code W_g X_g = w0 X_g}, so
     * {@code L = X_g} and {@code C = M S M - 2 w0 M} (rank k). Cost {@code O(n_g k^2 + k^3)}.
     */
    private static double[][] lowRankAdjusted(double[][] x, double[][] wx, double[] w, double[][] m, double[][] msm,
                                              int[] zero) {
        int ng = x.length;
        int k = m.length;
        // with one weight w0 in the cluster, W_g X_g = w0 X_g: L = X_g and C = M S M - 2 w0 M (rank k)
        double w0 = w[0];
        boolean constant = true;
        for (int a = 1; a < ng && constant; a++) {
            constant = w[a] == w0;
        }
        int width = constant ? k : 2 * k;
        double[][] cols = new double[width][ng];
        for (int a = 0; a < ng; a++) {
            for (int c = 0; c < k; c++) {
                cols[c][a] = x[a][c];
                if (!constant) {
                    cols[k + c][a] = wx[a][c];
                }
            }
        }
        // Gram-Schmidt, twice per column, recording the coefficients of L in the basis (R of L = QR)
        List<double[]> q = new ArrayList<>();
        double[][] coef = new double[width][width]; // coef[c][s] = q_s' l_c
        for (int c = 0; c < width; c++) {
            double[] col = cols[c];
            double norm0 = Math.sqrt(Linear.dot(col, col));
            if (!(norm0 > 0)) {
                continue;
            }
            double[] v = col.clone();
            for (int pass = 0; pass < 2; pass++) {
                for (int s = 0; s < q.size(); s++) {
                    double[] b = q.get(s);
                    double d = Linear.dot(b, v);
                    coef[c][s] += d;
                    for (int a = 0; a < ng; a++) {
                        v[a] -= d * b[a];
                    }
                }
            }
            double norm = Math.sqrt(Linear.dot(v, v));
            if (norm > 1e-10 * norm0) {
                for (int a = 0; a < ng; a++) {
                    v[a] /= norm;
                }
                coef[c][q.size()] = norm;
                q.add(v);
            }
        }
        int r = q.size();
        double[][] ql = new double[r][width]; // Q'L
        double[][] qwx = new double[r][k]; // Q'W X
        for (int s = 0; s < r; s++) {
            for (int c = 0; c < width; c++) {
                ql[s][c] = coef[c][s];
            }
            for (int c = 0; c < k; c++) {
                qwx[s][c] = constant ? w0 * ql[s][c] : ql[s][k + c];
            }
        }
        double[][] cmat = new double[width][width];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                if (constant) {
                    cmat[a][c] = msm[a][c] - 2 * w0 * m[a][c];
                } else {
                    cmat[a][c] = msm[a][c];
                    cmat[a][k + c] = -m[a][c];
                    cmat[k + a][c] = -m[a][c];
                }
            }
        }
        double[][] t = Linear.mult(Linear.mult(ql, cmat), transpose(ql));
        for (int s = 0; s < r; s++) {
            t[s][s] += 1.0;
            for (int z = 0; z < s; z++) {
                double avg = 0.5 * (t[s][z] + t[z][s]);
                t[s][z] = avg;
                t[z][s] = avg;
            }
        }
        double[][] f = Linear.symmetricPower(t, -0.5, zero);
        for (int s = 0; s < r; s++) {
            f[s][s] -= 1.0;
        }
        double[][] corr = Linear.mult(f, qwx); // r x k
        double[][] u = new double[ng][];
        for (int a = 0; a < ng; a++) {
            u[a] = wx[a].clone();
            for (int s = 0; s < r; s++) {
                double qa = q.get(s)[a];
                for (int c = 0; c < k; c++) {
                    u[a][c] += qa * corr[s][c];
                }
            }
        }
        return u;
    }

    private static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] out = new double[c][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** The covariance matrix (a copy). */
    public double[][] matrix() {
        return Linear.scale(v, 1.0);
    }

    /** Satterthwaite degrees of freedom of coefficient {@code j} (index in {@link WlsFit#names()}). */
    public double df(int j) {
        return df[j];
    }

    /** Number of clusters G. */
    public int clusters() {
        return clusters;
    }

    /** Notes on degenerate cases (one cluster, singular {@code I - H_gg}); empty when none. */
    public List<String> diagnostics() {
        return diagnostics;
    }

    public String label() {
        return "cr2";
    }

    /** The t test of one coefficient with Satterthwaite df, p-value and 95% interval. */
    public CoefficientTest test(WlsFit fit, String term) {
        int j = fit.index(term);
        return Covariance.tTest(term, fit.coefficient(term), Math.sqrt(v[j][j]), df[j], 0.95);
    }
}
