package org.padlock.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.padlock.data.Json;
import org.padlock.eef.CostModel;
import org.padlock.eef.CostResult;
import org.padlock.eef.CostSpec;
import org.padlock.study.PlanException;
import org.padlock.study.PlanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code padlock cost}: the ingredients cost model of seed 000 and the EEF cost rating. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Cost per school, per pupil and per pupil per year (ingredients model) and the EEF cost rating.")
final class CostCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "COST.yaml") Path file;
    @Option(names = "--perspective", defaultValue = "school",
            description = "school|school+government (default ${DEFAULT-VALUE})") String perspective;
    @Option(names = "--json", description = "Print the JSON result on stdout.") boolean json;
    @Option(names = "--verbose", description = "Show stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!perspective.equals("school") && !perspective.equals("school+government")) {
            throw new IllegalArgumentException("--perspective must be school or school+government; found " + perspective);
        }
        CostSpec cs = PlanLoader.read(file, CostSpec.class);
        CostResult r;
        try {
            r = CostModel.compute(cs, perspective);
        } catch (IllegalArgumentException e) {
            throw new PlanException(file.getFileName() + ": " + e.getMessage().replaceFirst("^cost\\.", ""));
        }
        if (json) {
            spec.commandLine().getOut().print(Json.write(r));
        } else {
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "cost per school over %s: GBP %,.2f (min %,.2f, max %,.2f)%n", "the horizon",
                    r.costPerSchoolHorizon(), r.minCostPerSchool(), r.maxCostPerSchool());
            out.printf(Locale.ROOT, "cost per pupil: GBP %,.2f; per pupil per year: GBP %,.2f (%s)%n",
                    r.costPerPupilHorizon(), r.costPerPupilPerYear(), r.rating());
            out.printf(Locale.ROOT, "staff days per school: %.1f in school hours, %.1f out of school hours%n",
                    r.staffDaysInSchool(), r.staffDaysOutOfSchool());
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
