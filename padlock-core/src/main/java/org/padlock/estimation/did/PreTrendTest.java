package org.padlock.estimation.did;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.distribution.continuous.FDistribution;

/**
 * The joint Wald test that the pre-period event-study coefficients are all zero:
 * {@code F = b' V^-1 b / q} on {@code (q, G - 1)} degrees of freedom with the cluster-robust
 * {@code V}, as Stata's {@code test} after {@code regress ..., vce(cluster)} (Stata Base Reference
 * Manual, {@code test}: "F statistic with residual df = clusters - 1").
 */
public record PreTrendTest(List<Integer> relativePeriods, double f, int df1, double df2, double pValue) {
    public PreTrendTest {
        relativePeriods = List.copyOf(relativePeriods);
    }

    /** The Wald F of {@code b} with covariance {@code v} against {@code F(q, df2)}; NaN when {@code v} is singular or df2 < 1. */
    public static PreTrendTest of(List<Integer> periods, double[] b, double[][] v, double df2) {
        int q = b.length;
        DMatrixRMaj vm = new DMatrixRMaj(v);
        DMatrixRMaj inv = new DMatrixRMaj(q, q);
        if (!(df2 >= 1) || !CommonOps_DDRM.invert(vm, inv)) {
            return new PreTrendTest(periods, Double.NaN, q, df2, Double.NaN);
        }
        double s = 0;
        for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
                s += b[a] * inv.get(a, c) * b[c];
            }
        }
        double f = s / q;
        double p = Double.isFinite(f) && f >= 0 ? 1 - new FDistribution(q, df2).cumulativeProbability(f) : Double.NaN;
        return new PreTrendTest(periods, f, q, df2, p);
    }

    /** The test as JSON fields ({@code padlock did}, results.json). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> pt = new java.util.LinkedHashMap<>();
        pt.put("f", f);
        pt.put("df1", df1);
        pt.put("df2", df2);
        pt.put("p_value", pValue);
        pt.put("relative_periods", relativePeriods);
        return pt;
    }
}
