package org.padlock.inference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Small dense linear-algebra helpers shared by the covariance and resampling estimators. */
final class Linear {
    private Linear() {
    }

    /** {@code m += c v v'}. */
    static void addOuter(double[][] m, double[] v, double c) {
        int k = v.length;
        for (int a = 0; a < k; a++) {
            double va = c * v[a];
            if (va == 0.0) {
                continue;
            }
            double[] row = m[a];
            for (int b = 0; b < k; b++) {
                row[b] += va * v[b];
            }
        }
    }

    /** {@code m += a b'} for vectors {@code a}, {@code b}. */
    static void addOuterAsym(double[][] m, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            if (ai == 0.0) {
                continue;
            }
            double[] row = m[i];
            for (int j = 0; j < b.length; j++) {
                row[j] += ai * b[j];
            }
        }
    }

    /** {@code a b} for square or rectangular matrices stored as rows. */
    static double[][] mult(double[][] a, double[][] b) {
        int r = a.length;
        int inner = b.length;
        int c = inner == 0 ? 0 : b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            double[] oi = out[i];
            for (int d = 0; d < inner; d++) {
                double v = a[i][d];
                if (v == 0.0) {
                    continue;
                }
                double[] bd = b[d];
                for (int j = 0; j < c; j++) {
                    oi[j] += v * bd[j];
                }
            }
        }
        return out;
    }

    /** {@code m v}. */
    static double[] mult(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The sandwich {@code b m b}. */
    static double[][] sandwich(double[][] b, double[][] m) {
        return mult(mult(b, m), b);
    }

    static double[][] scale(double[][] m, double c) {
        double[][] out = new double[m.length][];
        for (int a = 0; a < m.length; a++) {
            out[a] = m[a].clone();
            for (int b = 0; b < out[a].length; b++) {
                out[a][b] *= c;
            }
        }
        return out;
    }

    /** Inverse of a symmetric positive-definite matrix (Cholesky); throws if it is not positive definite. */
    static double[][] invertSpd(double[][] g) {
        int p = g.length;
        DMatrixRMaj a = new DMatrixRMaj(g);
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        if (p > 0) {
            if (!solver.setA(a)) {
                throw new IllegalStateException("X'WX is not positive definite");
            }
            solver.invert(inv);
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = inv.get(i, j);
            }
        }
        return out;
    }

    /**
     * {@code b^power} of a symmetric matrix by its eigen-decomposition, with eigenvalues at or below
     * {@code 1e-12} mapped to 0: for {@code power = -1/2} the symmetric square root of the Moore-Penrose
     * inverse, as clubSandwich's internal {@code matrix_power} (0.5.8) computes it. Returns the number of
     * eigenvalues set to 0 in {@code zeroed[0]} when {@code zeroed} is not null.
     */
    static double[][] symmetricPower(double[][] b, double power, int[] zeroed) {
        int n = b.length;
        if (n == 1) {
            boolean z = !(b[0][0] > 1e-12);
            if (zeroed != null) {
                zeroed[0] = z ? 1 : 0;
            }
            return new double[][] {{z ? 0.0 : Math.pow(b[0][0], power)}};
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(b))) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[][] out = new double[n][n];
        int zero = 0;
        for (int e = 0; e < eig.getNumberOfEigenvalues(); e++) {
            double lambda = eig.getEigenvalue(e).getReal();
            if (!(lambda > 1e-12)) {
                zero++;
                continue;
            }
            double f = Math.pow(lambda, power);
            double[] v = eig.getEigenVector(e).data;
            for (int i = 0; i < n; i++) {
                double vi = f * v[i];
                double[] row = out[i];
                for (int j = 0; j < n; j++) {
                    row[j] += vi * v[j];
                }
            }
        }
        if (zeroed != null) {
            zeroed[0] = zero;
        }
        return out;
    }
}
