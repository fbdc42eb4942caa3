package org.padlock.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.ModelMatrix;
import org.padlock.estimation.mixed.EffectSizeInterval;
import org.padlock.estimation.mixed.HedgesG;
import org.padlock.estimation.mixed.MixedFit;
import org.padlock.estimation.mixed.RandomInterceptModel;
import org.padlock.inference.CoefficientTest;

/**
 * {@code padlock estimate --model mixed}: a random intercept for {@code --group}, by REML or
 * {@code --ml}; weights, if given, are lme4's precision weights. The test of the treatment is t
 * with between-within df ({@link RandomInterceptModel}). {@code hedges_g} gives Hedges' g (within
 * and total; variances of the unconditional and of the conditional model) with Hedges' (2007)
 * intervals as eefAnalytics {@code crtFREQ} ({@link HedgesG}); it needs the treatment constant
 * within groups and two groups per arm, and is omitted otherwise.
 */
final class MixedEstimate {
    private MixedEstimate() {
    }

    private static Map<String, Object> interval(EffectSizeInterval e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("g", e.g());
        m.put("se", e.se());
        m.put("ci_low", e.ciLow());
        m.put("ci_high", e.ciHigh());
        return m;
    }

    static int print(EstimateCommand c, Frame f, ModelMatrix x, double[] y, double[] w, int droppedMissing) {
        int[] xr = x.rows();
        String[] g = new String[xr.length];
        var gc = f.text(c.group);
        for (int k = 0; k < xr.length; k++) {
            g[k] = gc.get(xr[k]);
            if (g[k] == null) {
                throw new DataException(f.source(), xr[k], c.group, "the group of a random-intercept model must not be missing");
            }
        }
        boolean reml = !c.ml;
        MixedFit fit = RandomInterceptModel.fit(x, y, c.weights == null ? null : w, g, reml);
        if (!fit.names().contains(c.treatment)) {
            throw new org.padlock.EstimationException("the treatment is collinear with the covariates", fit.dropped());
        }
        ModelMatrix intercept = x.keep(new int[] {0});
        MixedFit empty = RandomInterceptModel.fit(intercept, y, c.weights == null ? null : w, g, reml);
        CoefficientTest t = fit.test(c.treatment);
        Map<String, Object> j = t.toJson();
        j.put("n_obs", fit.n());
        j.put("n_clusters", fit.groups());
        j.put("n_dropped_missing_outcome", droppedMissing);
        j.put("model", "mixed");
        j.put("method", reml ? "REML" : "ML");
        j.put("sigma2_between", fit.sigma2Between());
        j.put("sigma2_within", fit.sigma2Within());
        j.put("icc_conditional", fit.icc());
        j.put("icc_unconditional", empty.icc());
        j.put("log_likelihood", fit.logLikelihood());
        j.put("singular", fit.singular());
        double[] treat = x.column(c.treatment);
        Map<String, Object> hg = new LinkedHashMap<>();
        java.util.List<String> diagnostics = new java.util.ArrayList<>(fit.diagnostics());
        try {
            for (MixedFit v : new MixedFit[] {empty, fit}) {
                Map<String, Object> wt = new LinkedHashMap<>();
                wt.put("within", interval(HedgesG.within(t.estimate(), v, treat, g)));
                wt.put("total", interval(HedgesG.total(t.estimate(), v, treat, g)));
                hg.put(v == empty ? "unconditional" : "conditional", wt);
            }
            j.put("hedges_g", hg);
        } catch (org.padlock.EstimationException e) {
            j.put("hedges_g", null);
            diagnostics.add("no Hedges' g: " + e.getMessage());
        }
        j.put("dropped_terms", fit.dropped());
        j.put("diagnostics", diagnostics);
        var out = c.output.out();
        if (!c.output.printJson(j)) {
            out.printf(java.util.Locale.ROOT, "estimate %.6f  se %.6f  df %.0f  p %.4f  95%% CI [%.6f, %.6f]  n %d  groups %d"
                            + "  sigma2_between %.6f  sigma2_within %.6f  ICC(unconditional) %.4f%n", t.estimate(), t.stdError(),
                    t.df(), t.pValue(), t.ciLow(), t.ciHigh(), fit.n(), fit.groups(), fit.sigma2Between(),
                    fit.sigma2Within(), empty.icc());
            for (String d : diagnostics) {
                out.println("note: " + d);
            }
        }
        out.flush();
        return Main.OK;
    }
}
