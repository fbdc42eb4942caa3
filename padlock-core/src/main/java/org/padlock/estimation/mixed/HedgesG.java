package org.padlock.estimation.mixed;

import java.util.HashMap;
import java.util.Map;
import org.padlock.EstimationException;

/**
 * Hedges' g for two-arm cluster designs with unequal cluster sizes (Hedges 2007, "Effect sizes in
 * cluster-randomized designs", J. Educ. Behav. Stat. 32(4), 341-370), as the R package
 * eefAnalytics computes it in {@code crtFREQ}: the treatment coefficient {@code b} of the
 * random-intercept model divided by the within-cluster SD ({@link #within}) or the total SD
 * ({@link #total}), the variances and ICC {@code rho} taken from a chosen model (eefAnalytics
 * reports both the conditional model and the unconditional model {@code y ~ 1 + (1|cluster)}).
 *
 * <p>With {@code N_t, N_c} pupils and {@code m_t, m_c} clusters per arm, cluster sizes {@code n_j},
 * {@code N = N_t + N_c}, {@code M = m_t + m_c}:
 * <pre>
 *   ntilde = N_c sum_t n_j^2 / (N_t N) + N_t sum_c n_j^2 / (N_c N)
 *   within: g_W = b / sigma_W,  var = N/(N_t N_c) (1 + (ntilde - 1) rho) / (1 - rho) + g_W^2 / (2 (N - M))
 *   n_U,arm = (N_arm^2 - sum n_j^2) / (N_arm (m_arm - 1)),  B = n_U,t (m_t - 1) + n_U,c (m_c - 1)
 *   A_arm = (N_arm^2 sum n_j^2 + (sum n_j^2)^2 - 2 N_arm sum n_j^3) / N_arm^2,  A = A_t + A_c
 *   total: g_T = b / sigma_T sqrt(1 - rho ((N - n_U,t m_t - n_U,c m_c) + n_U,t + n_U,c - 2) / (N - 2)),
 *          var = N/(N_t N_c) (1 + (ntilde - 1) rho)
 *                + ((N-2)(1-rho)^2 + A rho^2 + 2 B rho (1-rho)) g_T^2 / (2 (N-2) ((N-2) - rho (N-2-B)))
 * </pre>
 * and the interval is {@code g +- 1.96 sqrt(var)}.
 */
public final class HedgesG {
    private HedgesG() {
    }

    private record Sizes(double nt, double nc, double n, double mt, double mc, double ntilde, double nut, double nuc,
                         double a, double b) {
    }

    /**
     * @param beta      the treatment coefficient
     * @param variances the model whose variance components standardise it
     * @param treated   0/1 per pupil (constant within cluster)
     * @param cluster   cluster id per pupil
     */
    public static EffectSizeInterval within(double beta, MixedFit variances, double[] treated, String[] cluster) {
        Sizes s = sizes(treated, cluster);
        double rho = variances.icc();
        double g = beta / Math.sqrt(variances.sigma2Within());
        double v = s.n / (s.nt * s.nc) * (1 + (s.ntilde - 1) * rho) / (1 - rho) + g * g / (2 * (s.n - s.mt - s.mc));
        return interval(g, v);
    }

    /** Hedges' g with the total variance (between + within) of {@code variances}; see the class formulas. */
    public static EffectSizeInterval total(double beta, MixedFit variances, double[] treated, String[] cluster) {
        Sizes s = sizes(treated, cluster);
        double rho = variances.icc();
        double n2 = s.n - 2;
        double adj = Math.sqrt(1 - rho * ((s.n - s.nut * s.mt - s.nuc * s.mc) + s.nut + s.nuc - 2) / n2);
        double g = beta / Math.sqrt(variances.sigma2Between() + variances.sigma2Within()) * adj;
        double num = (n2 * (1 - rho) * (1 - rho) + s.a * rho * rho + 2 * s.b * rho * (1 - rho)) * g * g;
        double den = 2 * n2 * (n2 - rho * (n2 - s.b));
        double v = s.n / (s.nt * s.nc) * (1 + (s.ntilde - 1) * rho) + num / den;
        return interval(g, v);
    }

    private static EffectSizeInterval interval(double g, double v) {
        double se = Math.sqrt(v);
        return new EffectSizeInterval(g, se, g - 1.96 * se, g + 1.96 * se);
    }

    private static Sizes sizes(double[] treated, String[] cluster) {
        Map<String, double[]> c = new HashMap<>();
        for (int i = 0; i < treated.length; i++) {
            double ti = treated[i];
            double[] s = c.computeIfAbsent(cluster[i], k -> new double[] {ti, 0});
            if (s[0] != treated[i]) {
                throw new EstimationException("Hedges' g for cluster designs needs the treatment constant within"
                        + " clusters; cluster " + cluster[i] + " has both arms", java.util.List.of());
            }
            s[1]++;
        }
        double[][] sum = new double[2][4];
        for (double[] s : c.values()) {
            double[] t = sum[s[0] == 1 ? 1 : 0];
            t[0] += s[1];
            t[1] += s[1] * s[1];
            t[2] += s[1] * s[1] * s[1];
            t[3] += 1;
        }
        double nt = sum[1][0];
        double nc = sum[0][0];
        double mt = sum[1][3];
        double mc = sum[0][3];
        if (mt < 2 || mc < 2) {
            throw new EstimationException("Hedges' g for cluster designs needs at least two clusters per arm (found "
                    + (long) mt + " treated, " + (long) mc + " control)", java.util.List.of());
        }
        double n = nt + nc;
        double ntilde = nc * sum[1][1] / (nt * n) + nt * sum[0][1] / (nc * n);
        double nut = (nt * nt - sum[1][1]) / (nt * (mt - 1));
        double nuc = (nc * nc - sum[0][1]) / (nc * (mc - 1));
        double at = (nt * nt * sum[1][1] + sum[1][1] * sum[1][1] - 2 * nt * sum[1][2]) / (nt * nt);
        double ac = (nc * nc * sum[0][1] + sum[0][1] * sum[0][1] - 2 * nc * sum[0][2]) / (nc * nc);
        return new Sizes(nt, nc, n, mt, mc, ntilde, nut, nuc, at + ac, nut * (mt - 1) + nuc * (mc - 1));
    }
}
