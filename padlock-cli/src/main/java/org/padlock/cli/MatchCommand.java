package org.padlock.cli;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.padlock.EstimationException;
import org.padlock.StepTimer;
import org.padlock.balance.BalanceRow;
import org.padlock.data.Frame;
import org.padlock.data.Json;
import org.padlock.data.ModelTerms;
import org.padlock.data.TableReader;
import org.padlock.data.TableSchema;
import org.padlock.design.DesignResult;
import org.padlock.design.DesignStage;
import org.padlock.design.Link;
import org.padlock.design.MatchSpec;
import org.padlock.design.MatchedSample;
import org.padlock.design.OutcomeBlindView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock match}: the design stage on one table. Defaults follow MatchIt 4.7 (docs/CLI.md). */
@Command(name = "match", mixinStandardHelpOptions = true, description = "Propensity-score matching on one table.")
final class MatchCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE") Path data;
    @Option(names = "--id", required = true, paramLabel = "COL") String id;
    @Option(names = "--treatment", required = true, paramLabel = "COL") String treatment;
    @Option(names = "--covariates", required = true, split = ",", paramLabel = "a,b,c") List<String> covariates;
    @Option(names = "--exact", split = ",", paramLabel = "c1,c2") List<String> exact = new ArrayList<>();
    @Option(names = "--factors", split = ",", paramLabel = "a,b") List<String> factors = new ArrayList<>();
    @Option(names = "--ps-model", defaultValue = "logit", description = "logit|probit (default ${DEFAULT-VALUE})") String psModel;
    @Option(names = "--distance", defaultValue = "ps", description = "ps|logit-ps|mahalanobis (default ${DEFAULT-VALUE})") String distance;
    @Option(names = "--mahvars", split = ",", paramLabel = "a,b",
            description = "Mahalanobis distance on these covariates inside the propensity caliper (MatchIt mahvars)")
    List<String> mahvars = new ArrayList<>();
    @Option(names = "--method", defaultValue = "nearest", description = "nearest|kernel|radius (default ${DEFAULT-VALUE})") String method;
    @Option(names = "--kernel", defaultValue = "epanechnikov", description = "epanechnikov|gaussian (default ${DEFAULT-VALUE})") String kernel;
    @Option(names = "--bandwidth", paramLabel = "H", description = "kernel bandwidth in distance units (default 0.06, psmatch2)") Double bandwidth;
    @Option(names = "--ties", description = "with --replace, keep every control as near as the k-th (psmatch2 ties)") boolean ties;
    @Option(names = "--max-reuse", paramLabel = "N", defaultValue = "0", description = "with --replace, most uses of one control (0 = no limit)") int maxReuse;
    @Option(names = "--ratio", defaultValue = "1", paramLabel = "K") int ratio;
    @Option(names = "--replace") boolean replace;
    @Option(names = "--caliper", paramLabel = "X") Double caliper;
    @Option(names = "--caliper-scale", defaultValue = "sd", description = "sd|raw (default ${DEFAULT-VALUE})") String caliperScale;
    @Option(names = "--discard", defaultValue = "none", description = "none|treated|control|both") String discard;
    @Option(names = "--order", description = "largest|smallest|data|random (default largest; data with --distance mahalanobis)") String order;
    @Option(names = "--seed", defaultValue = "0") long seed;
    @Option(names = "--weights", defaultValue = "matchit", description = "matchit|psmatch2") String weights;
    @Option(names = "--out", required = true, paramLabel = "MATCHED.csv") Path out;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        String ord = order != null ? order : "mahalanobis".equals(distance) ? "data" : "largest";
        MatchSpec ms = new MatchSpec(covariates, factors, exact, MatchSpec.parse(Link.class, psModel, "--ps-model"),
                MatchSpec.parse(MatchSpec.Distance.class, distance, "--distance"), ratio, replace,
                caliper == null ? Double.NaN : caliper, MatchSpec.parse(MatchSpec.CaliperScale.class, caliperScale, "--caliper-scale"),
                MatchSpec.parse(MatchSpec.Discard.class, discard, "--discard"), MatchSpec.parse(MatchSpec.Order.class, ord, "--order"),
                seed, MatchSpec.parse(MatchSpec.WeightConvention.class, weights, "--weights"))
                .withMethod(MatchSpec.parse(MatchSpec.Method.class, method, "--method"), mahvars,
                        MatchSpec.parse(MatchSpec.Kernel.class, kernel, "--kernel"),
                        bandwidth == null ? MatchSpec.DEFAULT_BANDWIDTH : bandwidth, ties, maxReuse);
        StepTimer timings = output.verbose ? StepTimer.start(line -> {
            output.err().println("time: " + line);
            output.err().flush();
        }) : StepTimer.silent();
        DesignResult r = design(ms, timings);
        writeMatched(r.sample());
        timings.lap("write " + out.getFileName());
        output.printJson(summary(r));
        for (String d : r.sample().diagnostics()) {
            System.err.println("note: " + d);
        }
        return Main.OK;
    }

    /**
     * Reads and checks the data and runs the design stage. The data frame lives only here, so that its
     * memory is free while the matched sample is written.
     */
    private DesignResult design(MatchSpec ms, StepTimer timings) {
        Set<String> text = new HashSet<>(factors);
        text.add(id);
        text.addAll(exact);
        Frame f = TableReader.read(data, text);
        timings.lap("read " + data.getFileName());
        List<String> terms = new ArrayList<>(covariates);
        terms.addAll(mahvars);
        List<String> columns = ModelTerms.columns(terms);
        List<String> numeric = Cli.numericCovariates(f, columns, factors);
        List<String> present = new ArrayList<>(factors);
        present.addAll(exact);
        new TableSchema(id, List.of(treatment), numeric, present).validate(f);
        List<String> design = new ArrayList<>(columns);
        design.addAll(exact);
        try {
            return DesignStage.run(OutcomeBlindView.of(f, id, treatment, design, Set.of()), ms, null, timings);
        } catch (EstimationException e) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("error", e.getMessage());
            j.put("exit_code", Main.ESTIMATION);
            j.put("diagnostics", e.diagnostics());
            output.printJson(j);
            throw e;
        }
    }

    /** Rows per block of the matched sample's file, formatted on all cores and written in order. */
    private static final int WRITE_BLOCK = 1 << 15;

    private void writeMatched(MatchedSample m) {
        int[] t = m.treated();
        double[] ps = m.pscore();
        double[] w = m.weight();
        boolean[] d = m.discarded();
        String[] sub = m.subclass();
        List<String> ids = m.ids();
        int n = m.size();
        byte[][] blocks = new byte[(n + WRITE_BLOCK - 1) / WRITE_BLOCK][];
        java.util.stream.IntStream.range(0, blocks.length).parallel().forEach(k -> {
            StringBuilder b = new StringBuilder(64 * WRITE_BLOCK);
            for (int i = k * WRITE_BLOCK; i < Math.min(n, (k + 1) * WRITE_BLOCK); i++) {
                // the shortest text that reads back as the same double (Schubfach, jackson-core's NumberOutput,
                // as Double.toString from Java 19): a fraction of Java 17's Double.toString cost
                b.append(ids.get(i)).append(',').append(t[i]).append(',').append(NumberOutput.toString(ps[i], true)).append(',');
                // most weights are 0 or 1: their text without formatting
                b.append(w[i] == 0.0 && 1 / w[i] > 0 ? "0.0" : w[i] == 1.0 ? "1.0" : NumberOutput.toString(w[i], true)).append(',')
                        .append(d[i] ? 1 : 0).append(',').append(sub[i] == null ? "" : sub[i]).append('\n');
            }
            blocks[k] = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        Json.writeAtomically(out, o -> {
            o.write((id + ",treated,pscore,weight,discarded,subclass\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (byte[] block : blocks) {
                o.write(block);
            }
        });
    }

    static Map<String, Object> summary(DesignResult r) {
        MatchedSample m = r.sample();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("n_treated", m.nTreated());
        j.put("n_control", m.nControl());
        j.put("n_treated_matched", m.nTreatedMatched());
        j.put("n_control_matched", m.nControlMatched());
        j.put("n_discarded", m.nDiscarded());
        j.put("caliper_ps_units", r.spec().distance() == MatchSpec.Distance.PS ? m.caliperWidth() : Double.NaN);
        j.put("caliper_distance_units", m.caliperWidth());
        j.put("method", r.spec().method().name().toLowerCase(java.util.Locale.ROOT));
        j.put("distance", r.spec().distance().label());
        List<Map<String, Object>> bal = new ArrayList<>();
        for (BalanceRow b : r.balance().rows()) {
            bal.add(b.toJson());
        }
        j.put("balance", bal);
        j.put("mean_abs_pct_bias_after", r.balance().meanAbsPctBiasAfter());
        j.put("median_abs_pct_bias_after", r.balance().medianAbsPctBiasAfter());
        j.put("mean_abs_pct_bias_before", r.balance().meanAbsPctBiasBefore());
        j.put("median_abs_pct_bias_before", r.balance().medianAbsPctBiasBefore());
        if (r.balance().summary() != null) {
            j.put("balance_summary", r.balance().summary().toJson());
        }
        j.put("diagnostics", m.diagnostics());
        return j;
    }
}
