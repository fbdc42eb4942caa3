package org.padlock.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.eef.PadlockRating;
import org.padlock.eef.Padlocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock rate}: the EEF security rating (padlocks) from design, MDES and attrition. */
@Command(name = "rate", mixinStandardHelpOptions = true,
        description = "EEF security rating (padlocks): lowest of the design, power and attrition scores, less downgrades.")
final class RateCommand implements Callable<Integer> {
    @Option(names = "--design", required = true, description = "rct|rct-minor-concerns|qed-fair|well-matched|"
            + "rct-moderate-concerns|weakly-matched|rct-major-flaws|poor-matching|no-comparator") String design;
    @Option(names = "--mdes", required = true, paramLabel = "X", description = "Minimum detectable effect size (> 0).") double mdes;
    @Option(names = "--attrition", required = true, paramLabel = "FRACTION",
            description = "Pupil-level attrition from allocation to analysis, a fraction in [0, 1].") double attrition;
    @Option(names = "--balance-downgrade", defaultValue = "0", paramLabel = "N") int balanceDowngrade;
    @Option(names = "--balance-reason", paramLabel = "TEXT") String balanceReason;
    @Option(names = "--validity-downgrade", defaultValue = "0", paramLabel = "N") int validityDowngrade;
    @Option(names = "--validity-reason", paramLabel = "TEXT") String validityReason;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        PadlockRating r = Padlocks.rate(design, mdes, attrition, downgrade("--balance", balanceDowngrade, balanceReason),
                downgrade("--validity", validityDowngrade, validityReason));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("padlocks", r.padlocks());
        j.put("design_score", r.designScore());
        j.put("power_score", r.powerScore());
        j.put("attrition_score", r.attritionScore());
        j.put("initial_score", r.initialScore());
        j.put("reasons", r.reasons());
        j.put("rules_version", r.rulesVersion());
        if (!output.printJson(j)) {
            output.out().printf(Locale.ROOT, "%d padlocks (design %d, power %d, attrition %d; initial %d)%n",
                    r.padlocks(), r.designScore(), r.powerScore(), r.attritionScore(), r.initialScore());
            for (String s : r.reasons()) {
                output.out().println("  downgraded for " + s);
            }
        }
        output.flush();
        return Main.OK;
    }

    private static Padlocks.Downgrade downgrade(String option, int n, String reason) {
        if (n < 0) {
            throw new IllegalArgumentException(option + "-downgrade must be >= 0; found " + n);
        }
        if (n > 0 && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(option + "-downgrade " + n + " needs " + option + "-reason TEXT");
        }
        if (n == 0 && reason != null) {
            throw new IllegalArgumentException(option + "-reason is given but " + option + "-downgrade is 0");
        }
        return new Padlocks.Downgrade(n, reason);
    }
}
