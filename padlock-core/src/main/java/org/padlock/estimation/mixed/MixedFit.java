package org.padlock.estimation.mixed;

import java.util.List;
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.Covariance;

/**
 * A fitted random-intercept model {@code y = X b + u_group + e}, {@code u ~ N(0, sigma2Between)},
 * {@code e_i ~ N(0, sigma2Within / w_i)}, with the quantities {@code lme4::lmer} reports.
 *
 * @param names          fixed-effect terms estimated (collinear terms removed, as lmer does)
 * @param dropped        terms dropped as collinear with earlier terms
 * @param coefficients   fixed effects ({@code fixef})
 * @param vcov           their covariance ({@code vcov}: {@code sigma2Within (X'V^-1 X)^-1} in unit-sigma scale)
 * @param df             reference degrees of freedom per term (see {@link RandomInterceptModel})
 * @param reml           REML (true) or ML (false)
 * @param sigma2Between  between-group (random intercept) variance
 * @param sigma2Within   residual variance
 * @param theta          {@code sqrt(sigma2Between / sigma2Within)}, lme4's relative covariance factor
 * @param logLikelihood  the REML log-likelihood for REML fits, the ML log-likelihood otherwise ({@code logLik})
 * @param n              observations used
 * @param groups         number of groups
 * @param singular       the between-group variance is on the boundary (theta below 1e-4, lme4's {@code isSingular})
 * @param diagnostics    plain-language notes (singular fit, non-convergence, dropped terms)
 */
public record MixedFit(List<String> names, List<String> dropped, double[] coefficients, double[][] vcov, double[] df,
                       boolean reml, double sigma2Between, double sigma2Within, double theta, double logLikelihood,
                       long n, int groups, boolean singular, List<String> diagnostics) {
    public MixedFit {
        names = List.copyOf(names);
        dropped = List.copyOf(dropped);
        diagnostics = List.copyOf(diagnostics);
        coefficients = coefficients.clone();
        df = df.clone();
        double[][] v = new double[vcov.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = vcov[i].clone();
        }
        vcov = v;
    }

    /** Fixed effects (a copy). */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Reference df per term (a copy). */
    @Override
    public double[] df() {
        return df.clone();
    }

    /** Covariance of the fixed effects (a copy). */
    @Override
    public double[][] vcov() {
        double[][] v = new double[vcov.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = vcov[i].clone();
        }
        return v;
    }

    /** Intra-class correlation {@code sigma2Between / (sigma2Between + sigma2Within)}; "the" ICC when the model has no covariates. */
    public double icc() {
        return sigma2Between / (sigma2Between + sigma2Within);
    }

    /** {@code -2 logLik}: lme4's {@code REMLcrit} for REML fits and {@code deviance} for ML fits. */
    public double deviance() {
        return -2 * logLikelihood;
    }

    public int index(String term) {
        int j = names.indexOf(term);
        if (j < 0) {
            throw new IllegalArgumentException("term " + term + " is not in the model (dropped: " + dropped + ")");
        }
        return j;
    }

    public double coefficient(String term) {
        return coefficients[index(term)];
    }

    public double stdError(String term) {
        int j = index(term);
        return Math.sqrt(vcov[j][j]);
    }

    /** A t test of one fixed effect with its reference df (see {@link RandomInterceptModel}) and a 95% interval. */
    public CoefficientTest test(String term) {
        return Covariance.tTest(term, coefficient(term), stdError(term), df[index(term)], 0.95);
    }
}
