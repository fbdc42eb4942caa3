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
 * A program the reader tests run (Chromium, LibreOffice). When it is absent the test fails, so
 * that CI (whose {@code .ci/run} installs it) cannot pass without it, unless the environment sets
 * {@code PADLOCK_SKIP_BROWSER_TESTS=1}, which skips instead.
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
        String msg = "none of " + List.of(candidates) + " is installed (.ci/run installs it;"
                + " set PADLOCK_SKIP_BROWSER_TESTS=1 to skip the reader tests)";
        if ("1".equals(System.getenv("PADLOCK_SKIP_BROWSER_TESTS"))) {
            Assumptions.abort(msg);
        }
        fail(msg);
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
