package org.padlock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.padlock.demo.PupilMatchedDemo;
import org.padlock.demo.SchoolDidDemo;
import org.padlock.study.StudyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock demo}: both bundled example studies, end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the two bundled example studies (seed 000: pupil-level matched comparison; seed 003:"
                + " school-level matched difference-in-differences on real DfE data) and run them end to end.")
final class DemoCommand implements Callable<Integer> {
    /** The seed of the bundled data; part of the demo's definition. */
    static final long DEMO_SEED = 20170901L;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "padlock-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Path a = out.resolve("pupil-matched");
        Path b = out.resolve("school-did");
        Progress p = new Progress("");
        p.accept("generating demo data (seeded) in " + a.resolve("data") + " and " + b.resolve("data"));
        PupilMatchedDemo.write(a.resolve("data"), DEMO_SEED);
        SchoolDidDemo.write(b.resolve("data"), DEMO_SEED);
        StudyResult ra = RunCommand.runStudy(a.resolve("data").resolve("study.yaml"), a, false, new Progress("[000] "));
        StudyResult rb = RunCommand.runStudy(b.resolve("data").resolve("study.yaml"), b, false, new Progress("[003] "));
        p.accept("done: " + a.resolve("report.html") + " and " + b.resolve("report.html"));
        return ra != null && rb != null ? Main.OK : Main.BUG;
    }
}
