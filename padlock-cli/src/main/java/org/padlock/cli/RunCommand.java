package org.padlock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.padlock.render.ReportWriter;
import org.padlock.study.StudyResult;
import org.padlock.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code padlock run STUDY.yaml}: the whole study. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a whole study plan: design stage, analysis stage, ratings, report.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "The study plan.")
    Path plan;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: padlock-out next to the plan).")
    Path out;

    @Option(names = "--refreeze", description = "Match again and replace a frozen design whose inputs changed.")
    boolean refreeze;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Path dir = out != null ? out : plan.toAbsolutePath().getParent().resolve("padlock-out");
        StudyResult r = runStudy(plan, dir, refreeze, new Progress(""));
        System.err.println("wrote " + dir.resolve("report.html"));
        return r == null ? Main.BUG : Main.OK;
    }

    static StudyResult runStudy(Path plan, Path dir, boolean refreeze, Progress p) {
        ReportWriter.ensureDir(dir);
        StudyResult r = StudyRunner.run(plan, new StudyRunner.Options(dir, refreeze, p));
        p.accept("rendering report");
        ReportWriter.write(r, dir);
        return r;
    }
}
