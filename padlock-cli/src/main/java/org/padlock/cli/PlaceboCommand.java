package org.padlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.data.Json;
import org.padlock.demo.NationalKs2Panel;
import org.padlock.evaluation.placebo.InferenceMethod;
import org.padlock.evaluation.placebo.MethodSummary;
import org.padlock.evaluation.placebo.PlaceboHarness;
import org.padlock.evaluation.placebo.PlaceboResult;
import org.padlock.evaluation.placebo.PlaceboSpec;
import org.padlock.inference.BootstrapWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padlock placebo}: the placebo Monte Carlo of the matched difference-in-differences on the
 * bundled real national KS2 panel (no true effect: the rejection rate at 5% is each method's size).
 */
@Command(name = "placebo", mixinStandardHelpOptions = true,
        description = "Placebo Monte Carlo of the school-level matched DiD on the real national KS2 panel (2016 -> 2018).")
final class PlaceboCommand implements Callable<Integer> {
    @Option(names = "--reps", defaultValue = "500", paramLabel = "R", description = "Draws (default ${DEFAULT-VALUE})")
    int reps;
    @Option(names = "--seed", defaultValue = "20260101", description = "Seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--partnerships", defaultValue = "10", paramLabel = "P",
            description = "Partnerships (clusters) of 4-6 pseudo-treated schools per draw (default ${DEFAULT-VALUE})")
    int partnerships;
    @Option(names = "--caliper", defaultValue = "0.2", description = "Caliper in SDs of the propensity score (default ${DEFAULT-VALUE})")
    double caliper;
    @Option(names = "--bootstrap-reps", defaultValue = "9999", paramLabel = "B",
            description = "Wild cluster bootstrap draws when the weight vectors are too many to enumerate (default ${DEFAULT-VALUE})")
    int bootstrapReps;
    @Option(names = "--ri-reps", defaultValue = "9999", paramLabel = "B",
            description = "Randomisation-inference assignments when there are too many to enumerate (default ${DEFAULT-VALUE})")
    int riReps;
    @Option(names = "--out", paramLabel = "RESULTS.json", description = "Also write the JSON results to this file")
    Path out;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        PlaceboSpec d = PlaceboSpec.defaults(reps, seed, partnerships);
        PlaceboSpec ps = new PlaceboSpec(d.replications(), d.seed(), d.partnerships(), d.minSize(), d.maxSize(), d.minLaSchools(),
                d.selectFsm(), d.selectAttainment(), d.attainment(), caliper, d.covariates(), d.exact(), d.outcomes(), d.alpha());
        Progress progress = new Progress("");
        progress.accept("placebo: loading the national KS2 panel");
        List<InferenceMethod> methods = new java.util.ArrayList<>(List.of(InferenceMethod.cr1(), InferenceMethod.cr2(),
                InferenceMethod.wild(bootstrapReps, BootstrapWeights.RADEMACHER), InferenceMethod.wild(bootstrapReps, BootstrapWeights.WEBB)));
        methods.addAll(InferenceMethod.randomisation(riReps)); // ri_t and ri_coef from one run per fit
        PlaceboResult r = PlaceboHarness.run(NationalKs2Panel.frame(), ps, methods, progress);
        Map<String, Object> results = json(r);
        if (out != null) {
            Json.writeAtomically(out, Json.write(results));
        }
        if (!output.printJson(results)) {
            for (MethodSummary m : r.summaries()) {
                output.out().printf(java.util.Locale.ROOT,
                        "%-8s %-6s rejection rate %.3f (95%% MC %.3f-%.3f, %d draws), mean estimate %.3f (SD %.3f)%n",
                        m.outcome(), m.method(), m.rejectionRate(), m.mcLow(), m.mcHigh(), m.replications(), m.meanEstimate(),
                        m.sdEstimate());
            }
            output.flush();
        }
        return Main.OK;
    }

    static Map<String, Object> json(PlaceboResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        PlaceboSpec s = r.spec();
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("replications", s.replications());
        sp.put("seed", s.seed());
        sp.put("partnerships", s.partnerships());
        sp.put("partnership_size", List.of(s.minSize(), s.maxSize()));
        sp.put("select_fsm", s.selectFsm());
        sp.put("select_attainment", s.selectAttainment());
        sp.put("attainment_column", s.attainment());
        sp.put("caliper_sd", s.caliper());
        sp.put("covariates", s.covariates());
        sp.put("exact", s.exact());
        sp.put("alpha", s.alpha());
        m.put("spec", sp);
        m.put("methods", r.methods());
        m.put("panel_schools", r.panelSchools());
        m.put("mean_treated_matched", r.meanTreated());
        m.put("mean_partnerships_matched", r.meanClusters());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MethodSummary x : r.summaries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("outcome", x.outcome());
            row.put("method", x.method());
            row.put("replications", x.replications());
            row.put("rejections", x.rejections());
            row.put("rejection_rate", x.rejectionRate());
            row.put("mc_ci_low", x.mcLow());
            row.put("mc_ci_high", x.mcHigh());
            row.put("mean_estimate", x.meanEstimate());
            row.put("sd_estimate", x.sdEstimate());
            rows.add(row);
        }
        m.put("results", rows);
        m.put("diagnostics", r.diagnostics());
        return m;
    }
}
