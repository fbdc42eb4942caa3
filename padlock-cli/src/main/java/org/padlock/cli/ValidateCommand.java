package org.padlock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.padlock.study.StudyInputs;
import org.padlock.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code padlock validate STUDY.yaml}: check a plan against its data without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a study plan and its data (columns, types, ids, keys, treatment coding) without running it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY.yaml")
    Path plan;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyInputs in = StudyRunner.validate(plan);
        spec.commandLine().getOut().printf("%s: valid (%d schools%s)%n", plan.getFileName(), in.schools().rowCount(),
                in.pupils() == null ? "" : ", " + in.pupils().rowCount() + " pupils");
        return Main.OK;
    }
}
