package org.padlock.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.data.Json;
import org.padlock.power.Mdes;
import org.padlock.power.MdesResult;
import org.padlock.power.TestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code padlock mdes}: PowerUp! minimum detectable effect size of a two-level cluster design ({@code cra2}). */
@Command(name = "mdes", mixinStandardHelpOptions = true,
        description = "Minimum detectable effect size of a two-level cluster-randomised design (PowerUp! cra2).")
final class MdesCommand implements Callable<Integer> {
    @Option(names = "--clusters", required = true, paramLabel = "J", description = "Number of schools (clusters).") int clusters;
    @Option(names = "--cluster-size", required = true, paramLabel = "n", description = "Average pupils per school.") double n;
    @Option(names = "--icc", required = true, paramLabel = "RHO", description = "Intraclass correlation, in [0, 1).") double icc;
    @Option(names = "--r2-level1", defaultValue = "0", paramLabel = "R1",
            description = "Share of pupil-level variance explained by covariates (default ${DEFAULT-VALUE}).") double r1;
    @Option(names = "--r2-level2", defaultValue = "0", paramLabel = "R2",
            description = "Share of school-level variance explained by covariates (default ${DEFAULT-VALUE}).") double r2;
    @Option(names = "--treated-share", defaultValue = "0.5", paramLabel = "P",
            description = "Share of schools treated (default ${DEFAULT-VALUE}).") double p;
    @Option(names = "--level2-covariates", defaultValue = "0", paramLabel = "g",
            description = "Number of school-level covariates; df = J - g - 2 (default ${DEFAULT-VALUE}).") int g;
    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).") double alpha;
    @Option(names = "--power", defaultValue = "0.8", description = "Power (default ${DEFAULT-VALUE}).") double power;
    @Option(names = "--one-sided", description = "One-sided test (default two-sided).") boolean oneSided;
    @Option(names = "--json", description = "Print the JSON result on stdout.") boolean json;
    @Option(names = "--verbose", description = "Show stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MdesResult r = Mdes.cra2(icc, n, clusters, p, r1, r2, g, new TestSettings(alpha, power, !oneSided));
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("mdes", r.mdes());
            j.put("multiplier", r.multiplier());
            j.put("df", r.df());
            j.put("standard_error", r.standardError());
            j.put("design", r.design());
            spec.commandLine().getOut().print(Json.write(j));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "MDES %.3f  (multiplier %.5f, df %.0f)%n", r.mdes(),
                    r.multiplier(), r.df());
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
