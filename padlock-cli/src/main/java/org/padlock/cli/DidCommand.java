package org.padlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.Json;
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
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.CoefficientTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    @Option(names = "--bootstrap-reps", defaultValue = "9999", paramLabel = "B", description = "wild bootstrap draws (default ${DEFAULT-VALUE})")
    int reps;
    @Option(names = "--bootstrap-weights", defaultValue = "rademacher", description = "rademacher|webb (default ${DEFAULT-VALUE})")
    String bootstrapWeights;
    @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N", description = "seed of the bootstrap draws (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--json", description = "Print the JSON result on stdout.") boolean json;
    @Option(names = "--verbose", description = "Show stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

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
        if (reps < 1) {
            throw new IllegalArgumentException("--bootstrap-reps must be at least 1; found " + reps);
        }
        DidInference inference = new DidInference(se, reps, seed, switch (bootstrapWeights) {
            case "rademacher" -> BootstrapWeights.RADEMACHER;
            case "webb" -> BootstrapWeights.WEBB;
            default -> throw new IllegalArgumentException("--bootstrap-weights must be rademacher or webb; found " + bootstrapWeights);
        });
        MissingPolicy mp = switch (missing) {
            case "indicator" -> MissingPolicy.INDICATOR;
            case "drop" -> MissingPolicy.DROP;
            default -> throw new IllegalArgumentException("--missing must be indicator or drop; found " + missing);
        };
        Set<String> text = new HashSet<>(factors);
        text.add(id);
        if (cluster != null) {
            text.add(cluster);
        }
        Frame f = TableReader.read(data, text);
        List<String> numeric = new ArrayList<>(wide ? List.of(pre, post) : List.of(outcome, time));
        for (String c : covariates) {
            if (!factors.contains(c) && !(f.has(c) && f.column(c) instanceof org.padlock.data.TextColumn)) {
                numeric.add(c);
            }
        }
        if (weights != null) {
            numeric.add(weights);
        }
        List<String> present = new ArrayList<>(factors);
        if (cluster != null) {
            present.add(cluster);
        }
        if (!wide) {
            present.add(id);
        }
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

    private static Map<String, Object> test(CoefficientTest t) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("estimate", t.estimate());
        j.put("std_error", t.stdError());
        j.put("df", t.df());
        j.put("t", t.t());
        j.put("p_value", t.pValue());
        j.put("ci_low", t.ciLow());
        j.put("ci_high", t.ciHigh());
        return j;
    }

    private void print(DidResult r) {
        Map<String, Object> j = test(r.effect());
        j.put("n_obs", r.nObs());
        j.put("n_clusters", r.nClusters());
        j.put("n_dropped_missing_outcome", r.nDroppedMissing());
        j.put("se", se);
        if (se.equals("wild")) {
            j.put("bootstrap_weights", bootstrapWeights);
            j.put("bootstrap_reps", reps);
            j.put("seed", seed);
        }
        if (r.preTrend() != null) {
            j.put("pre_trend_p_value", r.preTrend().pValue());
            Map<String, Object> pt = new LinkedHashMap<>();
            pt.put("f", r.preTrend().f());
            pt.put("df1", r.preTrend().df1());
            pt.put("df2", r.preTrend().df2());
            pt.put("p_value", r.preTrend().pValue());
            pt.put("relative_periods", r.preTrend().relativePeriods());
            j.put("pre_trend", pt);
        }
        List<Map<String, Object>> es = new ArrayList<>();
        for (EventCoefficient e : r.eventStudy()) {
            Map<String, Object> m = test(e.test());
            m.put("relative_period", e.relativePeriod());
            es.add(m);
        }
        if (time != null) {
            j.put("event_study", es);
        }
        List<Map<String, Object>> tr = new ArrayList<>();
        for (TrendPoint p : r.trends()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", p.period());
            m.put("treated", p.treated());
            m.put("mean", p.mean());
            m.put("n", p.n());
            tr.add(m);
        }
        j.put("trends", tr);
        j.put("dropped_terms", r.dropped());
        j.put("diagnostics", r.diagnostics());
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(j));
        } else {
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
