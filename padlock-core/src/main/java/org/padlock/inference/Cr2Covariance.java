package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import org.padlock.estimation.ols.GramAccumulator;
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
 * {@code 2k} rows takes a low-rank route from its cross-products {@code L'L}, {@code L'e} alone
 * ({@code B_g} is the identity plus a matrix of rank at most {@code 2k}; see {@code gramPiece}), so the cost
 * of the whole estimator is {@code O(n k^2 + G k^3)}, linear in the number of pupils; smaller clusters, and
 * the {@code inverseVariance} variant, use the direct {@code n_g x n_g} eigen-decomposition. Clusters are
 * processed in fixed chunks on all cores and merged in chunk order, so the result does not depend on threads.
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
        // inverse-variance weights: clubSandwich scales them to mean 1; the estimate is invariant to the scale
        // but the 1e-12 eigenvalue threshold is not, so do the same
        double wScale = inverseVariance ? fit.n() / sumOfWeights(fit) : 1.0;
        double[][] m = inverseVariance ? Linear.scale(fit.bread(), 1.0 / wScale) : fit.bread();
        double[][] s = inverseVariance ? new double[k][k] : fit.crossProducts(squaredWeights(fit));
        double[][] msm = Linear.sandwich(m, s);
        double off = inverseVariance ? -0.5 : -1.0;
        double[][] cmat = new double[2 * k][2 * k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                cmat[a][c] = s[a][c];
            }
            cmat[a][k + a] = off;
            cmat[k + a][a] = off;
        }
        // C of B_g = I + L C L' with L = [X_g, W_g X_g]: [[M S M, -M], [-M, 0]]
        double[][] cl = new double[2 * k][2 * k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                cl[a][c] = msm[a][c];
                cl[a][k + c] = -m[a][c];
                cl[k + a][c] = -m[a][c];
            }
        }
        // clusters in fixed chunks (on all cores), merged in chunk order: the same bits whatever the threads
        int chunks = (G + CLUSTER_CHUNK - 1) / CLUSTER_CHUNK;
        Sums[] parts = new Sums[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(ch -> {
            Sums sums = new Sums(k);
            for (int g = ch * CLUSTER_CHUNK; g < Math.min(G, (ch + 1) * CLUSTER_CHUNK); g++) {
                int[] rows = index.membersRef(g);
                Piece pc = !inverseVariance && rows.length > lowRankAbove
                        ? gramPiece(fit, rows, m, msm, cl)
                        : directPiece(fit, rows, m, msm, wScale, inverseVariance);
                sums.add(pc, m, s, off);
            }
            sums.flush();
            parts[ch] = sums;
        });
        Sums total = new Sums(k);
        for (Sums p : parts) {
            total.merge(p);
        }
        if (total.singular > 0) {
            diag.add(total.singular + " of " + G + " clusters have a singular I - H_gg (rows fitted exactly by their own"
                    + " parameters, e.g. a cluster fixed effect or a cluster of one); the Moore-Penrose inverse square root"
                    + " is used for them, as clubSandwich does");
        }
        double[] df = new double[k];
        for (int j = 0; j < k; j++) {
            double[][] kj = total.kk[j];
            for (int a = 0; a < 2 * k; a++) {
                for (int c = 0; c < a; c++) {
                    kj[a][c] = kj[c][a];
                }
            }
            double[][] ck = Linear.mult(cmat, kj);
            double trCk2 = 0;
            for (int a = 0; a < 2 * k; a++) {
                for (int c = 0; c < 2 * k; c++) {
                    trCk2 += ck[a][c] * ck[c][a];
                }
            }
            double trP = total.sumD[j] + total.sumFcf[j];
            double trP2 = total.sumD2[j] + 2 * total.sumDfcf[j] + trCk2;
            df[j] = trP * trP / trP2;
        }
        return new Cr2Covariance(Linear.sandwich(m, total.meat), df, G, diag);
    }

    private static double sumOfWeights(WlsFit fit) {
        double sum = 0;
        for (int i = 0; i < fit.n(); i++) {
            sum += fit.weight(i);
        }
        return sum;
    }

    private static double[] squaredWeights(WlsFit fit) {
        double[] w2 = new double[fit.n()];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = fit.weight(i) * fit.weight(i);
        }
        return w2;
    }

    /** Clusters whose {@code f_g} are added to {@code sum_g f_g f_g'} at once. */
    private static final int BUFFER = 64;

    /** Clusters per chunk of the parallel pass. */
    private static final int CLUSTER_CHUNK = 256;

    /**
     * What one cluster contributes: its adjusted score {@code U_g'e_g} and {@code X_g'U_g}, {@code P_g'U_g}
     * ({@code P_g = W_g X_g}, or {@code X_g} for inverse-variance weights) and {@code U_g'Theta_g U_g}, with
     * {@code U_g = A_g W_g X_g}.
     */
    private record Piece(double[] sg, double[][] xu, double[][] pu, double[][] uu, boolean singular) {
    }

    /** Running sums over clusters of the meat and of the Satterthwaite traces; merged in a fixed order. */
    private static final class Sums {
        final double[][] meat;
        final double[] sumD;
        final double[] sumD2;
        final double[] sumFcf;
        final double[] sumDfcf;
        /** Per coefficient, {@code sum_g f_g f_g'} (upper triangle). */
        final double[][][] kk;
        int singular;
        /** Per coefficient, the last {@code buffered} vectors {@code f_g}, stored by column. */
        private final double[][][] buffer;
        private int buffered;

        Sums(int k) {
            buffer = new double[k][2 * k][BUFFER];
            meat = new double[k][k];
            sumD = new double[k];
            sumD2 = new double[k];
            sumFcf = new double[k];
            sumDfcf = new double[k];
            kk = new double[k][2 * k][2 * k];
        }

        /**
         * For every coefficient j with {@code m_j = M e_j}: {@code f_g = (z, p)} with {@code z = M X_g'U_g m_j},
         * {@code p = P_g'U_g m_j}; {@code d = m_j'U_g'U_g m_j}; {@code f'Cf = z'Sz + 2 off z'p}.
         */
        void add(Piece pc, double[][] m, double[][] s, double off) {
            int k = m.length;
            if (pc.singular) {
                singular++;
            }
            Linear.addOuter(meat, pc.sg, 1.0);
            double[][] z = Linear.mult(Linear.mult(m, pc.xu), m); // column j: M X'U m_j
            double[][] p = Linear.mult(pc.pu, m); // column j: P'U m_j
            double[][] um = Linear.mult(pc.uu, m);
            double[][] sz = Linear.mult(s, z);
            double[] f = new double[2 * k];
            for (int j = 0; j < k; j++) {
                double d = 0;
                double zsz = 0;
                double zp = 0;
                for (int a = 0; a < k; a++) {
                    d += m[j][a] * um[a][j];
                    zsz += z[a][j] * sz[a][j];
                    zp += z[a][j] * p[a][j];
                    f[a] = z[a][j];
                    f[k + a] = p[a][j];
                }
                double fcf = zsz + 2 * off * zp;
                sumD[j] += d;
                sumD2[j] += d * d;
                sumFcf[j] += fcf;
                sumDfcf[j] += d * fcf;
                double[][] fj = buffer[j];
                for (int a = 0; a < 2 * k; a++) {
                    fj[a][buffered] = f[a];
                }
            }
            if (++buffered == BUFFER) {
                flush();
            }
        }

        /** Adds the buffered {@code f_g} of every coefficient to {@code kk} as one cross-product. */
        void flush() {
            if (buffered == 0) {
                return;
            }
            for (int j = 0; j < kk.length; j++) {
                double[][] add = GramAccumulator.crossProduct(buffer[j], buffered);
                double[][] kj = kk[j];
                for (int a = 0; a < kj.length; a++) {
                    for (int c = a; c < kj.length; c++) {
                        kj[a][c] += add[a][c];
                    }
                }
            }
            buffered = 0;
        }

        void merge(Sums o) {
            int k = meat.length;
            singular += o.singular;
            for (int a = 0; a < k; a++) {
                for (int c = 0; c < k; c++) {
                    meat[a][c] += o.meat[a][c];
                }
                sumD[a] += o.sumD[a];
                sumD2[a] += o.sumD2[a];
                sumFcf[a] += o.sumFcf[a];
                sumDfcf[a] += o.sumDfcf[a];
                for (int b = 0; b < 2 * k; b++) {
                    for (int c = b; c < 2 * k; c++) {
                        kk[a][b][c] += o.kk[a][b][c];
                    }
                }
            }
        }
    }

    /** The piece of one cluster by the direct {@code n_g x n_g} eigen-decomposition of {@code B_g}. */
    private static Piece directPiece(WlsFit fit, int[] rows, double[][] m, double[][] msm, double wScale,
                                     boolean inverseVariance) {
        int k = m.length;
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
        int[] zero = new int[1];
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
        double[][] u = Linear.mult(amat, wx);
        double[] sg = new double[k];
        for (int a = 0; a < ng; a++) {
            for (int c = 0; c < k; c++) {
                sg[c] += u[a][c] * e[a];
            }
        }
        double[][] xu = new double[k][k];
        double[][] pu = new double[k][k];
        double[][] uu = new double[k][k];
        for (int a = 0; a < ng; a++) {
            Linear.addOuterAsym(xu, x[a], u[a]);
            Linear.addOuterAsym(pu, inverseVariance ? x[a] : wx[a], u[a]);
            Linear.addOuterAsym(uu, u[a], Linear.scale(new double[][] {u[a]}, inverseVariance ? 1.0 / w[a] : 1.0)[0]);
        }
        return new Piece(sg, xu, pu, uu, zero[0] > 0);
    }

    /**
     * The piece of one cluster from its cross-products alone, in {@code O(n_g k^2 + k^3)}. With {@code L = X_g}
     * when the cluster has one weight {@code w0} ({@code W_g X_g = w0 X_g}, {@code C = M S M - 2 w0 M}) and
     * {@code L = [X_g, W_g X_g]} otherwise ({@code C = [[M S M, -M], [-M, 0]]}), {@code B_g = I + L C L'}. A
     * pivoted Cholesky factorisation {@code L'L = R'R} (rank {@code r}; a column whose remaining diagonal is at
     * most {@code 1e-9} of its own is dependent) gives {@code L = Q R} with {@code Q = L E} orthonormal
     * ({@code E} = the pivot columns' {@code R^-1}, zero elsewhere). Then {@code B_g = Q T Q' + (I - QQ')} with
     * {@code T = I + R C R'}, so {@code B_g^{-1/2} = I + Q F Q'} with {@code F = T^{-1/2} - I} (eigenvalues of
     * {@code T} at or below 1e-12 mapped to 0, as clubSandwich's Moore-Penrose root does), and
     * {@code U_g = B_g^{-1/2} W_g X_g = L Psi} with {@code Psi = (I + E F R) Omega}, {@code W_g X_g = L Omega}.
     * Every piece follows from {@code L'L} and {@code L'e}: {@code U'e = Psi'L'e}, {@code X'U = Xi'L'L Psi}
     * ({@code X_g = L Xi}), {@code (W X)'U = Omega'L'L Psi}, {@code U'U = Psi'L'L Psi}.
     */
    private static Piece gramPiece(WlsFit fit, int[] rows, double[][] m, double[][] msm, double[][] cVarying) {
        int k = m.length;
        double w0 = fit.weight(rows[0]);
        boolean constant = true;
        for (int a = 1; a < rows.length && constant; a++) {
            constant = fit.weight(rows[a]) == w0;
        }
        int width = constant ? k : 2 * k;
        GramAccumulator acc = fit.residualCrossProducts(rows, !constant);
        double[][] gl = acc.xtwx();
        double[] le = acc.xtwy();
        double[][] c;
        if (constant) {
            c = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    c[a][b] = msm[a][b] - 2 * w0 * m[a][b];
                }
            }
        } else {
            c = cVarying;
        }
        // pivoted Cholesky of L'L: R (r x width) in the original column order, piv[t] = column of pivot t
        double[][] a = new double[width][];
        for (int i = 0; i < width; i++) {
            a[i] = gl[i].clone();
        }
        boolean[] used = new boolean[width];
        int[] piv = new int[width];
        double[][] r = new double[width][];
        int rank = 0;
        while (rank < width) {
            int best = -1;
            double bestVal = 0;
            for (int j = 0; j < width; j++) {
                if (!used[j] && a[j][j] > 1e-9 * gl[j][j] && a[j][j] > bestVal) {
                    best = j;
                    bestVal = a[j][j];
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            piv[rank] = best;
            double d = Math.sqrt(bestVal);
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                if (!used[j]) {
                    row[j] = a[best][j] / d;
                }
            }
            row[best] = d;
            for (int i = 0; i < width; i++) {
                if (used[i] || row[i] == 0.0) {
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    if (!used[j]) {
                        a[i][j] -= row[i] * row[j];
                    }
                }
            }
            r[rank++] = row;
        }
        double[][] rr = java.util.Arrays.copyOf(r, rank);
        // T = I + Delta, Delta = R C R'
        double[][] t = Linear.mult(Linear.mult(rr, c), transpose(rr));
        double norm = 0;
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (t[i][j] + t[j][i]);
                t[i][j] = avg;
                t[j][i] = avg;
            }
        }
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < rank; j++) {
                norm += t[i][j] * t[i][j];
            }
        }
        norm = Math.sqrt(norm);
        int[] zero = new int[1];
        double[][] f;
        if (norm <= SERIES_NORM) {
            f = inverseRootSeries(t, norm);
        } else {
            for (int i = 0; i < rank; i++) {
                t[i][i] += 1.0;
            }
            f = rank == 0 ? new double[0][0] : Linear.symmetricPower(t, -0.5, zero);
            for (int i = 0; i < rank; i++) {
                f[i][i] -= 1.0;
            }
        }
        // R Omega (r x k)
        double[][] rOmega = new double[rank][k];
        for (int i = 0; i < rank; i++) {
            for (int b = 0; b < k; b++) {
                rOmega[i][b] = constant ? w0 * rr[i][b] : rr[i][k + b];
            }
        }
        double[][] frw = Linear.mult(f, rOmega);
        // R11^-1 (upper triangular in pivot order): R11[s][t] = R[s][piv[t]]
        double[][] r11inv = new double[rank][rank];
        for (int col = 0; col < rank; col++) {
            for (int i = col; i >= 0; i--) {
                double v = i == col ? 1.0 : 0.0;
                for (int j = i + 1; j <= col; j++) {
                    v -= rr[i][piv[j]] * r11inv[j][col];
                }
                r11inv[i][col] = v / rr[i][piv[i]];
            }
        }
        double[][] efrw = Linear.mult(r11inv, frw); // rows in pivot order
        double[][] psi = new double[width][k];
        for (int b = 0; b < k; b++) {
            if (constant) {
                psi[b][b] = w0;
            } else {
                psi[k + b][b] = 1.0;
            }
        }
        for (int i = 0; i < rank; i++) {
            double[] src = efrw[i];
            double[] dst = psi[piv[i]];
            for (int b = 0; b < k; b++) {
                dst[b] += src[b];
            }
        }
        double[][] gpsi = Linear.mult(gl, psi);
        double[][] xu = new double[k][];
        double[][] pu = new double[k][];
        for (int b = 0; b < k; b++) {
            xu[b] = gpsi[b].clone();
            if (constant) {
                pu[b] = gpsi[b].clone();
                for (int i = 0; i < k; i++) {
                    pu[b][i] *= w0;
                }
            } else {
                pu[b] = gpsi[k + b].clone();
            }
        }
        double[][] psiT = transpose(psi);
        double[][] uu = Linear.mult(psiT, gpsi);
        double[] sg = Linear.mult(psiT, le);
        return new Piece(sg, xu, pu, uu, zero[0] > 0);
    }

    /** Below this Frobenius norm of {@code Delta}, {@code (I + Delta)^{-1/2} - I} is summed as a series. */
    static final double SERIES_NORM = 0.05;

    /**
     * {@code (I + Delta)^{-1/2} - I = sum_{i>=1} binom(-1/2, i) Delta^i} for symmetric {@code Delta} with Frobenius
     * norm {@code norm <= SERIES_NORM} (so every eigenvalue of {@code I + Delta} is in [0.95, 1.05]), by
     * Paterson and Stockmeyer's scheme (SIAM J. Comput. 2(1), 1973; about {@code 2 + m/3} products), with terms up to the power {@code m} at which {@code norm^m < 1e-17}: as {@code |binom(-1/2, i)| <= 1}
     * the remainder is below {@code norm^m / (1 - norm)}. Large clusters among many have a small {@code Delta}
     * (their leverage is small), and this costs {@code m} small products instead of an eigen-decomposition.
     */
    static double[][] inverseRootSeries(double[][] delta, double norm) {
        int r = delta.length;
        int m = norm > 0 ? Math.max(1, (int) Math.ceil(Math.log(1e-17) / Math.log(norm))) : 1;
        double[] coef = new double[m + 1];
        coef[0] = 1.0;
        for (int i = 1; i <= m; i++) {
            coef[i] = coef[i - 1] * -(2.0 * i - 1) / (2.0 * i);
        }
        // Paterson-Stockmeyer: F = B_0 + D^3 (B_1 + D^3 (B_2 + ...)), B_b = sum_{t=1..3} c_{3b+t} D^t
        double[][] d2 = Linear.mult(delta, delta);
        double[][] d3 = Linear.mult(d2, delta);
        double[][][] powers = {delta, d2, d3};
        double[][] acc = null;
        for (int b = (m + 2) / 3 - 1; b >= 0; b--) {
            double[][] blk = acc == null ? new double[r][r] : Linear.mult(d3, acc);
            for (int t = 1; t <= 3 && 3 * b + t <= m; t++) {
                double c = coef[3 * b + t];
                double[][] pw = powers[t - 1];
                for (int a = 0; a < r; a++) {
                    for (int e = 0; e < r; e++) {
                        blk[a][e] += c * pw[a][e];
                    }
                }
            }
            acc = blk;
        }
        return acc;
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
