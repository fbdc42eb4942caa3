package org.padlock.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the reader tests run (Chromium, LibreOffice). When it is absent the test is skipped with
 * a message naming the missing program, so that the README's test command works on a fresh machine;
 * CI sets {@code PADLOCK_REQUIRE_READER_TESTS=1} (after {@code .ci/run} installs the programs), and
 * then an absent program fails the test instead, so CI cannot pass without running them.
 */
final class ExternalTool {
    private ExternalTool() {
    }

    /** The first of {@code candidates} on the PATH (or given as an absolute path). */
    static String require(String... candidates) {
        for (String c : candidates) {
            Path abs = Path.of(c);
            if (abs.isAbsolute() && Files.isExecutable(abs)) {
                return c;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        String msg = "none of " + List.of(candidates) + " is installed; the reader test is skipped"
                + " (.ci/run installs it and sets PADLOCK_REQUIRE_READER_TESTS=1, which turns this into a failure)";
        if ("1".equals(System.getenv("PADLOCK_REQUIRE_READER_TESTS"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
        return null;
    }

    /** Runs a command with stdout and stderr to files; returns the exit code. */
    static int run(List<String> command, Path stdout, Path stderr, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            fail(command.get(0) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(stderr));
        }
        return p.exitValue();
    }
}
