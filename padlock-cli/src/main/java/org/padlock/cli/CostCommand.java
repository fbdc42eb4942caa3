package org.padlock.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.padlock.eef.CostModel;
import org.padlock.eef.CostResult;
import org.padlock.eef.CostSpec;
import org.padlock.study.PlanException;
import org.padlock.study.PlanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock cost}: the ingredients cost model of seed 000 and the EEF cost rating. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Cost per school, per pupil and per pupil per year (ingredients model) and the EEF cost rating.")
final class CostCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "COST.yaml") Path file;
    @Option(names = "--perspective", defaultValue = "school",
            description = "school|school+government (default ${DEFAULT-VALUE})") String perspective;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Cli.oneOf("--perspective", perspective, "school", "school+government");
        CostSpec cs = PlanLoader.read(file, CostSpec.class);
        CostResult r;
        try {
            r = CostModel.compute(cs, perspective);
        } catch (IllegalArgumentException e) {
            throw new PlanException(file.getFileName() + ": " + e.getMessage().replaceFirst("^cost\\.", ""));
        }
        if (!output.printJson(r)) {
            var out = output.out();
            out.printf(Locale.ROOT, "cost per school over %s: GBP %,.2f (min %,.2f, max %,.2f)%n", "the horizon",
                    r.costPerSchoolHorizon(), r.minCostPerSchool(), r.maxCostPerSchool());
            out.printf(Locale.ROOT, "cost per pupil: GBP %,.2f; per pupil per year: GBP %,.2f (%s)%n",
                    r.costPerPupilHorizon(), r.costPerPupilPerYear(), r.rating());
            out.printf(Locale.ROOT, "staff days per school: %.1f in school hours, %.1f out of school hours%n",
                    r.staffDaysInSchool(), r.staffDaysOutOfSchool());
        }
        output.flush();
        return Main.OK;
    }
}
