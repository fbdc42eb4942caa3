package org.padlock.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.power.Mdes;
import org.padlock.power.MdesResult;
import org.padlock.power.TestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padlock mdes}: PowerUp! minimum detectable effect size of a two-level cluster design
 * ({@code cra2}, the default), or with {@code --design}: individual assignment ({@code ira1}) or
 * individual assignment blocked within schools with random block effects ({@code bira2r1}).
 */
@Command(name = "mdes", mixinStandardHelpOptions = true,
        description = "Minimum detectable effect size (PowerUp!): cra2 (default), ira1 or bira2r1.")
final class MdesCommand implements Callable<Integer> {
    @Option(names = "--design", defaultValue = "cra2", description = "cra2|ira1|bira2r1 (default ${DEFAULT-VALUE})") String design;
    @Option(names = "--clusters", paramLabel = "J", description = "Number of schools (clusters; blocks for bira2r1).") Integer clusters;
    @Option(names = "--cluster-size", paramLabel = "n", description = "Average pupils per school.") Double n;
    @Option(names = "--icc", paramLabel = "RHO", description = "Intraclass correlation, in [0, 1).") Double icc;
    @Option(names = "--units", paramLabel = "N", description = "ira1: number of pupils randomised.") Integer units;
    @Option(names = "--level1-covariates", defaultValue = "0", paramLabel = "g1", description = "ira1: covariates (default ${DEFAULT-VALUE}).") int g1;
    @Option(names = "--omega", defaultValue = "0", description = "bira2r1: effect variance across blocks relative to the"
            + " block intercept variance (default ${DEFAULT-VALUE}).") double omega;
    @Option(names = "--r2-treatment-level2", defaultValue = "0", paramLabel = "R2T",
            description = "bira2r1: share of the effect variance across blocks explained (default ${DEFAULT-VALUE}).") double r2t;
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
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        TestSettings test = new TestSettings(alpha, power, !oneSided);
        MdesResult r = switch (design) {
            case "cra2" -> Mdes.cra2(need(icc, "--icc"), need(n, "--cluster-size"), need(clusters, "--clusters"), p, r1, r2, g, test);
            case "ira1" -> Mdes.ira1(need(units, "--units"), p, r1, g1, test);
            case "bira2r1" -> Mdes.bira2r1(need(icc, "--icc"), omega, need(n, "--cluster-size"), need(clusters, "--clusters"), p,
                    r1, r2t, g, test);
            default -> throw Cli.badChoice("--design", design, "cra2", "ira1", "bira2r1");
        };
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("mdes", r.mdes());
        j.put("multiplier", r.multiplier());
        j.put("df", r.df());
        j.put("standard_error", r.standardError());
        j.put("design", r.design());
        if (!output.printJson(j)) {
            output.out().printf(Locale.ROOT, "MDES %.3f  (multiplier %.5f, df %.0f)%n", r.mdes(),
                    r.multiplier(), r.df());
        }
        output.flush();
        return Main.OK;
    }

    private <T> T need(T value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("--design " + design + " needs " + option);
        }
        return value;
    }
}
