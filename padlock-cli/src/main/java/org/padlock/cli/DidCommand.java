package org.padlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.data.TableReader;
import org.padlock.data.TableSchema;
import org.padlock.estimation.did.DidInference;
import org.padlock.estimation.did.DidResult;
import org.padlock.estimation.did.EventCoefficient;
import org.padlock.estimation.did.EventStudy;
import org.padlock.estimation.did.PanelInput;
import org.padlock.estimation.did.TrendPoint;
import org.padlock.estimation.did.TwoPeriodDid;
import org.padlock.inference.CoefficientTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padlock did}: two-period difference-in-differences (post - pre on treatment, one row per
 * unit) or a long panel (one row per unit and period) with unit and period fixed effects,
 * event-study coefficients, a joint pre-trend F test and the data of a trends figure.
 */
@Command(name = "did", mixinStandardHelpOptions = true,
        description = "Difference-in-differences: two periods (--pre/--post) or a long panel (--time/--outcome/--first-treated-period).")
final class DidCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE") Path data;
    @Option(names = "--id", required = true, paramLabel = "COL", description = "Unit id (the default cluster).") String id;
    @Option(names = "--treatment", required = true, paramLabel = "COL", description = "0/1, constant within unit.") String treatment;
    @Option(names = "--pre", paramLabel = "COL") String pre;
    @Option(names = "--post", paramLabel = "COL") String post;
    @Option(names = "--time", paramLabel = "COL") String time;
    @Option(names = "--outcome", paramLabel = "COL") String outcome;
    @Option(names = "--first-treated-period", paramLabel = "V") Double firstTreated;
    @Option(names = "--weights", paramLabel = "COL") String weights;
    @Option(names = "--cluster", paramLabel = "COL", description = "Cluster column (default: --id).") String cluster;
    @Option(names = "--covariates", split = ",", paramLabel = "a,b") List<String> covariates = new ArrayList<>();
    @Option(names = "--factors", split = ",", paramLabel = "a,b") List<String> factors = new ArrayList<>();
    @Option(names = "--missing", defaultValue = "indicator", description = "indicator|drop (default ${DEFAULT-VALUE})") String missing;
    @Option(names = "--se", defaultValue = "cr1", description = "cr1|cr2|wild (default ${DEFAULT-VALUE}; cr1 = Stata vce(cluster), t(G-1))")
    String se;
    @Mixin
    BootstrapOptions bootstrap;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        boolean wide = pre != null || post != null;
        boolean panel = time != null || outcome != null || firstTreated != null;
        if (wide == panel || (wide && (pre == null || post == null))
                || (panel && (time == null || outcome == null || firstTreated == null))) {
            throw new IllegalArgumentException("give either --pre COL --post COL, or --time COL --outcome COL"
                    + " --first-treated-period V");
        }
        if (!List.of("cr1", "cr2", "wild").contains(se)) {
            throw new IllegalArgumentException("--se must be cr1, cr2 or wild for did; found " + se);
        }
        DidInference inference = new DidInference(se, bootstrap.reps(), bootstrap.seed, bootstrap.weights());
        MissingPolicy mp = Cli.missingPolicy(missing);
        Set<String> text = Cli.given(new HashSet<>(factors), id, cluster);
        Frame f = TableReader.read(data, text);
        List<String> numeric = new ArrayList<>(wide ? List.of(pre, post) : List.of(outcome, time));
        numeric.addAll(Cli.numericCovariates(f, covariates, factors));
        Cli.given(numeric, weights);
        List<String> present = Cli.given(new ArrayList<>(factors), cluster, wide ? null : id);
        new TableSchema(wide ? id : null, List.of(treatment), numeric, present).validate(f);
        DidResult r = wide
                ? TwoPeriodDid.fit(f, id, pre, post, treatment, covariates, new HashSet<>(factors), mp, weights, cluster, inference)
                : panel(f, mp, inference);
        print(r);
        return Main.OK;
    }

    private DidResult panel(Frame f, MissingPolicy mp, DidInference inference) {
        NumericColumn y = f.numeric(outcome);
        NumericColumn tc = f.numeric(time);
        NumericColumn tr = f.numeric(treatment);
        var ids = f.text(id);
        Map<String, Integer> firstRow = new HashMap<>();
        Set<String> unitPeriod = new HashSet<>();
        for (int i = 0; i < f.rowCount(); i++) {
            if (ids.get(i) == null) {
                throw new DataException(f.source(), i, id, "unit id must not be missing");
            }
            if (tc.isMissing(i)) {
                throw new DataException(f.source(), i, time, "period must not be missing");
            }
            if (!unitPeriod.add(ids.get(i) + "\u0000" + tc.get(i))) {
                throw new DataException(f.source(), i, time, "unit '" + ids.get(i) + "' has two rows for period " + tc.text(i));
            }
            Integer r0 = firstRow.putIfAbsent(ids.get(i), i);
            if (r0 != null && tr.get(r0) != tr.get(i)) {
                throw new DataException(f.source(), i, treatment, "treatment must be constant within unit '" + ids.get(i)
                        + "' (row " + (r0 + 1) + " has " + tr.text(r0) + ")");
            }
        }
        int[] rows = java.util.stream.IntStream.range(0, f.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        int dropped = f.rowCount() - rows.length;
        ModelMatrix x = ModelMatrixBuilder.build(f, rows, covariates, new HashSet<>(factors), mp, false, true);
        int[] xr = x.rows();
        int n = xr.length;
        String[] unit = new String[n];
        String[] cl = new String[n];
        double[] period = new double[n];
        double[] yy = new double[n];
        double[] t = new double[n];
        double[] w = weights == null ? null : new double[n];
        var cc = f.text(cluster == null ? id : cluster);
        NumericColumn wc = weights == null ? null : f.numeric(weights);
        for (int k = 0; k < n; k++) {
            int i = xr[k];
            unit[k] = ids.get(i);
            cl[k] = cc.get(i);
            if (cl[k] == null) {
                throw new DataException(f.source(), i, cluster, "cluster id must not be missing");
            }
            period[k] = tc.get(i);
            yy[k] = y.get(i);
            t[k] = tr.get(i);
            if (w != null) {
                w[k] = wc.get(i);
                if (!(w[k] > 0) || Double.isInfinite(w[k])) {
                    throw new DataException(f.source(), i, weights, "weights must be positive; found "
                            + (Double.isNaN(w[k]) ? "a missing value" : wc.text(i)));
                }
            }
        }
        return EventStudy.fit(new PanelInput(unit, period, yy, t, w, cl, x.names(), x.x(), firstTreated), dropped, inference);
    }

    private void print(DidResult r) {
        Map<String, Object> j = r.effect().toJson();
        j.put("n_obs", r.nObs());
        j.put("n_clusters", r.nClusters());
        j.put("n_dropped_missing_outcome", r.nDroppedMissing());
        j.put("se", se);
        if (se.equals("wild")) {
            j.put("bootstrap_weights", bootstrap.weights);
            j.put("bootstrap_reps", bootstrap.reps);
            j.put("seed", bootstrap.seed);
        }
        if (r.preTrend() != null) {
            j.put("pre_trend_p_value", r.preTrend().pValue());
            j.put("pre_trend", r.preTrend().toJson());
        }
        if (time != null) {
            j.put("event_study", r.eventStudy().stream().map(EventCoefficient::toJson).toList());
        }
        j.put("trends", r.trends().stream().map(TrendPoint::toJson).toList());
        j.put("dropped_terms", r.dropped());
        j.put("diagnostics", r.diagnostics());
        var out = output.out();
        if (!output.printJson(j)) {
            CoefficientTest t = r.effect();
            out.printf(java.util.Locale.ROOT, "estimate %.6f  se %.6f  df %.0f  p %.4f  95%% CI [%.6f, %.6f]  n %d  clusters %d%n",
                    t.estimate(), t.stdError(), t.df(), t.pValue(), t.ciLow(), t.ciHigh(), r.nObs(), r.nClusters());
            for (EventCoefficient e : r.eventStudy()) {
                out.printf(java.util.Locale.ROOT, "  relative period %3d: %.6f (se %.6f)%n", e.relativePeriod(),
                        e.test().estimate(), e.test().stdError());
            }
            if (r.preTrend() != null) {
                out.printf(java.util.Locale.ROOT, "pre-trend F(%d, %.0f) = %.4f, p = %.4f%n", r.preTrend().df1(),
                        r.preTrend().df2(), r.preTrend().f(), r.preTrend().pValue());
            }
            for (String d : r.diagnostics()) {
                out.println("note: " + d);
            }
        }
        out.flush();
    }
}
