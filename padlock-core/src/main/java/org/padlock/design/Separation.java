package org.padlock.design;

import java.util.ArrayList;
import java.util.List;

/**
 * Complete or quasi-complete separation in a binary regression (Albert and Anderson 1984,
 * Biometrika 71(1): the maximum-likelihood estimate does not exist when a linear combination of the
 * covariates separates the outcomes). Detected when a single term predicts treatment perfectly, or
 * when fitted probabilities reach 0 or 1 numerically and either the fit did not converge or some
 * coefficients diverge (fitted probabilities within 1e-6 of 0 or 1); the offending terms are named:
 * <ul>
 *   <li>terms that alone predict the outcome perfectly: an indicator whose 1s (or 0s) all share one
 *       outcome (Stata's "x != 0 predicts success perfectly"), or a numeric term whose values for
 *       one group all lie above (or at or above) those of the other;</li>
 *   <li>terms whose coefficients diverge: |b| times the term's SD above 10, or a standard error
 *       above 1000 times max(1, |b|) (glm's symptom of an estimate running off to infinity).</li>
 * </ul>
 *
 * @param detected      whether the fit is separated (the estimate does not exist)
 * @param extremeFitted number of fitted probabilities within 1e-10 of 0 or 1 (within 1e-6 when a term
 *                      predicts perfectly: glm stops there)
 * @param terms         the offending terms with the reason, e.g. {@code "x (x = 1 only among treated, 12 units)"}
 */
public record Separation(boolean detected, int extremeFitted, List<String> terms) {
    /** Fitted probabilities closer than this to 0 or 1 count as numerically 0 or 1 (glm's warning uses 10 eps). */
    public static final double EXTREME = 1e-10;
    /** Fitted probabilities this close to 0 or 1 make large coefficients suspect (glm stops at about 1e-9 under separation). */
    static final double NEAR = 1e-6;

    public Separation {
        terms = List.copyOf(terms);
    }

    /**
     * @param names     term names (first may be the intercept)
     * @param x         model matrix by column
     * @param y         0/1 outcome
     * @param beta      coefficients (NaN for dropped terms)
     * @param se        standard errors
     * @param fitted    fitted probabilities
     * @param converged whether the fit converged
     */
    static Separation check(List<String> names, double[][] x, double[] y, double[] beta, double[] se, double[] fitted,
                            boolean converged) {
        int extreme = 0;
        int nearExtreme = 0;
        for (double m : fitted) {
            if (m < EXTREME || m > 1 - EXTREME) {
                extreme++;
            }
            if (m < NEAR || m > 1 - NEAR) {
                nearExtreme++;
            }
        }
        List<String> perfect = new ArrayList<>();
        List<String> diverging = new ArrayList<>();
        java.util.function.IntPredicate checked = j -> !names.get(j).equals(org.padlock.data.ModelMatrixBuilder.INTERCEPT)
                && !Double.isNaN(beta[j]);
        // one pass over the rows per term, the terms on all cores; the findings are collected in term order
        String[] whys = java.util.stream.IntStream.range(0, x.length).parallel()
                .mapToObj(j -> checked.test(j) ? perfectPredictor(x[j], y) : null)
                .toArray(String[]::new);
        for (int j = 0; j < x.length; j++) {
            if (!checked.test(j)) {
                continue;
            }
            String why = whys[j];
            if (why != null) {
                perfect.add(names.get(j) + " (" + why + ")");
                continue;
            }
            // the SD is needed only when some fitted probability is near 0 or 1
            if (nearExtreme > 0 && (Math.abs(beta[j]) * sd(x[j]) > 10 || !(se[j] < 1e3 * Math.max(1, Math.abs(beta[j]))))) {
                diverging.add(names.get(j) + " (coefficient " + String.format(java.util.Locale.ROOT, "%.3g", beta[j])
                        + ", standard error " + String.format(java.util.Locale.ROOT, "%.3g", se[j]) + ")");
            }
        }
        extreme = Math.max(extreme, perfect.isEmpty() ? 0 : nearExtreme);
        List<String> all = new ArrayList<>(perfect);
        all.addAll(diverging);
        boolean detected = !perfect.isEmpty() || (extreme > 0 && (!diverging.isEmpty() || !converged));
        return new Separation(detected, extreme, all);
    }

    /** A plain-language message. */
    public String message() {
        return "separation in the propensity model: " + extremeFitted + " fitted probabilities are numerically 0 or 1"
                + (terms.isEmpty() ? "" : "; offending terms: " + String.join("; ", terms))
                + ". The propensity score is not estimable as specified: remove or coarsen those covariates,"
                + " restrict the pool to comparable units, or match exactly on them instead";
    }

    private static String perfectPredictor(double[] x, double[] y) {
        boolean binary = true;
        double minT = Double.POSITIVE_INFINITY, maxT = Double.NEGATIVE_INFINITY;
        double minC = Double.POSITIVE_INFINITY, maxC = Double.NEGATIVE_INFINITY;
        int[][] cell = new int[2][2];
        // the model matrix has no missing values: plain comparisons give the minima and maxima
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            boolean t = y[i] > 0.5;
            binary &= v == 0.0 || v == 1.0;
            if (binary) {
                cell[(int) v][t ? 1 : 0]++;
            }
            if (t) {
                minT = v < minT ? v : minT;
                maxT = v > maxT ? v : maxT;
            } else {
                minC = v < minC ? v : minC;
                maxC = v > maxC ? v : maxC;
            }
        }
        if (binary) {
            for (int v = 0; v < 2; v++) {
                int nv = cell[v][0] + cell[v][1];
                if (nv > 0 && cell[v][0] == 0) {
                    return "value " + v + " only among treated, " + nv + " units";
                }
                if (nv > 0 && cell[v][1] == 0) {
                    return "value " + v + " only among controls, " + nv + " units";
                }
            }
            return null;
        }
        if (maxT <= minC || maxC <= minT) {
            return (maxT <= minC ? "every treated value <= every control value" : "every control value <= every treated value");
        }
        return null;
    }

    private static double sd(double[] v) {
        double m = 0;
        for (double a : v) {
            m += a;
        }
        m /= v.length;
        double ss = 0;
        for (double a : v) {
            ss += (a - m) * (a - m);
        }
        return Math.sqrt(ss / Math.max(1, v.length - 1));
    }
}
