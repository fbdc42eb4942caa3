package org.padlock.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Detects terms that are linear combinations of earlier terms, in model order, as R's {@code lm}
 * and {@code glm} do (their pivoting QR moves such terms to the end and reports them as NA).
 */
public final class Collinearity {
    /**
     * Relative tolerance on the Gram-matrix scale: term j is dropped when its residual sum of squares
     * after projection on the kept earlier terms is below this fraction of its own sum of squares.
     */
    public static final double TOLERANCE = 1e-10;

    private Collinearity() {
    }

    /** Indices of the terms kept, in order, for the (weighted) Gram matrix {@code g = X'WX}. */
    public static int[] independentTerms(double[][] g) {
        int p = g.length;
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double d = g[j][j];
            if (!(d > 0)) {
                continue;
            }
            if (!kept.isEmpty()) {
                int k = kept.size();
                DMatrixRMaj gkk = new DMatrixRMaj(k, k);
                DMatrixRMaj gkj = new DMatrixRMaj(k, 1);
                for (int a = 0; a < k; a++) {
                    gkj.set(a, 0, g[kept.get(a)][j]);
                    for (int c = 0; c < k; c++) {
                        gkk.set(a, c, g[kept.get(a)][kept.get(c)]);
                    }
                }
                LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.symmPosDef(k);
                if (!s.setA(gkk)) {
                    continue;
                }
                DMatrixRMaj sol = new DMatrixRMaj(k, 1);
                s.solve(gkj, sol);
                double proj = 0;
                for (int a = 0; a < k; a++) {
                    proj += gkj.get(a, 0) * sol.get(a, 0);
                }
                d -= proj;
            }
            if (d > TOLERANCE * g[j][j]) {
                kept.add(j);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
