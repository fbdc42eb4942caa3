package org.padlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.data.TableReader;
import org.padlock.data.TableSchema;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.inference.CoefficientTest;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.WildBootstrapResult;
import org.padlock.inference.WildClusterBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock estimate}: weighted least squares of an outcome on treatment, with the chosen standard errors. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate a treatment effect by weighted least squares with classical, HC1, CR1 or CR2 standard errors,"
                + " or a restricted wild cluster bootstrap test.")
final class EstimateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE") Path data;
    @Option(names = "--outcome", required = true, paramLabel = "COL") String outcome;
    @Option(names = "--treatment", required = true, paramLabel = "COL") String treatment;
    @Option(names = "--covariates", split = ",", paramLabel = "a,b") List<String> covariates = new ArrayList<>();
    @Option(names = "--factors", split = ",", paramLabel = "a,b") List<String> factors = new ArrayList<>();
    @Option(names = "--weights", paramLabel = "COL") String weights;
    @Option(names = "--cluster", paramLabel = "COL") String cluster;
    @Option(names = "--se", defaultValue = "cr1", description = "classical|hc1|cr1|cr2|wild (default ${DEFAULT-VALUE})") String se;
    @Mixin
    BootstrapOptions bootstrap;
    @Option(names = "--missing", defaultValue = "indicator", description = "indicator|drop (default ${DEFAULT-VALUE})") String missing;
    @Option(names = "--model", defaultValue = "ols", description = "ols|mixed (default ${DEFAULT-VALUE}); mixed: random intercept for --group") String model;
    @Option(names = "--group", paramLabel = "COL", description = "Grouping column of the random intercept (--model mixed).") String group;
    @Option(names = "--ml", description = "Maximum likelihood instead of REML (--model mixed).") boolean ml;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Cli.oneOf("--model", model, "ols", "mixed");
        if (model.equals("mixed") && group == null) {
            throw new IllegalArgumentException("--model mixed needs --group COL");
        }
        Cli.oneOf("--se", se, "classical", "hc1", "cr1", "cr2", "wild");
        if (List.of("cr1", "cr2", "wild").contains(se) && cluster == null && model.equals("ols")) {
            throw new IllegalArgumentException("--se " + se + " needs --cluster COL");
        }
        int reps = bootstrap.reps();
        BootstrapWeights bw = bootstrap.weights();
        long seed = bootstrap.seed;
        MissingPolicy mp = Cli.missingPolicy(missing);
        Set<String> text = Cli.given(new HashSet<>(factors), cluster, group);
        Frame f = TableReader.read(data, text);
        List<String> numeric = new ArrayList<>(List.of(outcome));
        numeric.addAll(Cli.numericCovariates(f, covariates, factors));
        Cli.given(numeric, weights);
        List<String> present = Cli.given(new ArrayList<>(factors), cluster, group);
        new TableSchema(null, List.of(treatment), numeric, present).validate(f);
        NumericColumn y = f.numeric(outcome);
        int[] rows = java.util.stream.IntStream.range(0, f.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        int dropped = f.rowCount() - rows.length;
        List<String> covs = new ArrayList<>(List.of(treatment));
        covs.addAll(covariates);
        ModelMatrix x = ModelMatrixBuilder.build(f, rows, covs, new HashSet<>(factors), mp, true, true);
        int[] xr = x.rows();
        double[] yv = new double[xr.length];
        double[] w = new double[xr.length];
        NumericColumn wc = weights == null ? null : f.numeric(weights);
        for (int k = 0; k < xr.length; k++) {
            yv[k] = y.get(xr[k]);
            w[k] = wc == null ? 1.0 : wc.get(xr[k]);
            if (Double.isNaN(w[k]) || w[k] < 0) {
                throw new org.padlock.data.DataException(f.source(), xr[k], weights, "weights must be >= 0; found "
                        + (Double.isNaN(w[k]) ? "a missing value" : w[k]));
            }
        }
        if (model.equals("mixed")) {
            return MixedEstimate.print(this, f, x, yv, w, dropped);
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yv, w);
        if (!fit.names().contains(treatment)) {
            throw new org.padlock.EstimationException("the treatment is collinear with the covariates", fit.dropped());
        }
        String[] cl = null;
        if (cluster != null) {
            cl = new String[xr.length];
            var cc = f.text(cluster);
            for (int k = 0; k < xr.length; k++) {
                cl[k] = cc.get(xr[k]);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        CoefficientTest t;
        int clusters;
        List<String> diagnostics = new ArrayList<>();
        if (se.equals("cr2")) {
            Cr2Covariance v = Cr2Covariance.of(fit, cl, false);
            t = v.test(fit, treatment);
            clusters = v.clusters();
            diagnostics.addAll(v.diagnostics());
        } else if (se.equals("wild")) {
            WildBootstrapResult r = WildClusterBootstrap.test(fit, cl, treatment, reps, seed, bw);
            t = r.toCoefficientTest();
            clusters = r.clusters();
            diagnostics.addAll(r.diagnostics());
            extra.put("bootstrap_weights", r.weights().label());
            extra.put("bootstrap_reps", r.draws());
            extra.put("bootstrap_enumerated", r.enumerated());
            extra.put("seed", r.seed());
        } else {
            Covariance v = Covariance.of(fit, CovarianceSpec.of(se, cl));
            t = v.test(fit, treatment);
            clusters = v.clusters();
            if (clusters == 1) {
                diagnostics.add("only one cluster: a cluster-robust standard error cannot be estimated");
            }
        }
        Map<String, Object> j = t.toJson();
        j.put("n_obs", fit.n());
        j.put("n_clusters", clusters);
        j.put("n_dropped_missing_outcome", dropped);
        j.put("se", se);
        j.put("dropped_terms", fit.dropped());
        j.putAll(extra);
        j.put("diagnostics", diagnostics);
        if (!output.printJson(j)) {
            output.out().printf(java.util.Locale.ROOT, "estimate %.6f  se %.6f  df %.2f  p %.4f  95%% CI [%.6f, %.6f]  n %d%n",
                    t.estimate(), t.stdError(), t.df(), t.pValue(), t.ciLow(), t.ciHigh(), fit.n());
        }
        output.flush();
        return Main.OK;
    }
}
