package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padlock match} on data where matching cannot work: each case gives exit code 4 (estimation
 * failed) or 2 (contradictory options) with a message that says what happened and what to try, and
 * no stack trace. Also the new method flags on good data.
 */
class MatchBadInputTest {
    @TempDir
    Path dir;

    /** Writes n rows "id,treat,x,z" from a row function and returns the path. */
    private Path csv(int n, IntFunction<String> row) throws IOException {
        StringBuilder b = new StringBuilder("id,treat,x,z\n");
        for (int i = 0; i < n; i++) {
            b.append("u").append(i).append(',').append(row.apply(i)).append('\n');
        }
        Path p = dir.resolve("units.csv");
        Files.writeString(p, b.toString());
        return p;
    }

    private CliRun match(Path data, String... extra) {
        List<String> a = new ArrayList<>(List.of("match", "--data", data.toString(), "--id", "id", "--treatment", "treat",
                "--covariates", "x,z", "--out", dir.resolve("matched.csv").toString()));
        a.addAll(List.of(extra));
        return run(a.toArray(new String[0]));
    }

    private static void assertEstimationFailure(CliRun o, String... fragments) {
        assertEquals(4, o.code(), o.err());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "missing '" + f + "' in: " + o.err());
        }
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
    }

    /** A well-behaved row: treated every third unit, x and z without ties. */
    private static String good(int i) {
        return (i % 3 == 0 ? 1 : 0) + "," + ((i * 7919 % 1000) / 100.0 + i * 1e-4) + "," + Math.sin(i * 1.3);
    }

    @Test
    void noOverlapIsReportedAsSeparation() throws IOException {
        Path d = csv(30, i -> (i < 10 ? 1 : 0) + "," + (i < 10 ? 20 + i : i - 10) + "," + Math.sin(i));
        CliRun o = match(d, "--json");
        assertEstimationFailure(o, "separation in the propensity model", "x (every control value <= every treated value)",
                "propensity score distribution");
        assertTrue(o.out().contains("\"exit_code\" : 4"), "the JSON error object on stdout: " + o.out());
        assertTrue(o.out().contains("propensity score distribution"), o.out());
    }

    @Test
    void separationByAnIndicatorIsNamed() throws IOException {
        Path d = csv(40, i -> (i < 15 ? 1 : 0) + "," + (i < 6 ? 1 : 0) + "," + Math.sin(i * 1.7));
        assertEstimationFailure(match(d), "separation", "x (value 1 only among treated, 6 units)", "remove or coarsen");
    }

    @Test
    void everyControlDiscarded() throws IOException {
        double[] xs = {0, 0.2, 0.4, 0.6, 0.8, 1.0, 9.5, 10, 4, 4.5, 5, 5.5, 6};
        Path d = csv(xs.length, i -> (i >= 8 ? 1 : 0) + "," + xs[i] + "," + (i % 2));
        CliRun o = run("match", "--data", d.toString(), "--id", "id", "--treatment", "treat", "--covariates", "x",
                "--discard", "control", "--out", dir.resolve("m.csv").toString());
        assertEstimationFailure(o, "every control (8) was discarded by discard control",
                "propensity score distribution (min, 25%, median, 75%, max): treated (5)");
    }

    @Test
    void noTreatedUnit() throws IOException {
        Path d = csv(20, i -> "0," + i + "," + Math.sin(i));
        assertEstimationFailure(match(d), "no treated unit: the treatment column 'treat' is never 1");
    }

    @Test
    void constantCovariate() throws IOException {
        Path d = csv(30, i -> good(i).substring(0, good(i).lastIndexOf(',')) + ",5");
        assertEstimationFailure(match(d), "matching covariate 'z' is constant (5)", "remove it");
    }

    @Test
    void covariateMissingForAllTreated() throws IOException {
        Path d = csv(30, i -> i % 3 == 0 ? good(i).substring(0, good(i).lastIndexOf(',')) + ",NA" : good(i));
        assertEstimationFailure(match(d), "units.csv, column 'z': missing for every treated unit (10 units)",
                "drop 'z' from the matching covariates");
    }

    @Test
    void caliperSoTightNothingMatches() throws IOException {
        Path d = csv(60, MatchBadInputTest::good);
        assertEstimationFailure(match(d, "--caliper", "1e-12", "--caliper-scale", "raw"),
                "no treated unit has a control within the caliper", "try a wider caliper");
    }

    @Test
    void contradictoryOptionsAreUsageErrors() throws IOException {
        Path d = csv(60, MatchBadInputTest::good);
        CliRun ties = match(d, "--ties");
        assertEquals(2, ties.code());
        assertTrue(ties.err().contains("ties needs matching with replacement"), ties.err());
        CliRun mah = match(d, "--distance", "mahalanobis", "--caliper", "0.2");
        assertEquals(2, mah.code());
        assertTrue(mah.err().contains("use distance ps (or logit-ps) with mahvars"), mah.err());
        CliRun radius = match(d, "--method", "radius");
        assertEquals(2, radius.code());
        assertTrue(radius.err().contains("radius matching needs a caliper"), radius.err());
        CliRun term = run("match", "--data", d.toString(), "--id", "id", "--treatment", "treat", "--covariates", "x,x:",
                "--out", dir.resolve("m.csv").toString());
        assertEquals(2, term.code());
        assertTrue(term.err().contains("model term 'x:' has an empty part"), term.err());
        CliRun bad = match(d, "--method", "optimal");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--method must be one of nearest|kernel|radius"), bad.err());
    }

    @Test
    void newMethodsRunFromTheCommandLine() throws IOException {
        Path d = csv(90, MatchBadInputTest::good);
        for (String[] extra : List.of(new String[] {"--method", "kernel", "--kernel", "gaussian", "--bandwidth", "0.1"},
                new String[] {"--method", "radius", "--caliper", "0.1", "--caliper-scale", "raw"},
                new String[] {"--replace", "--ties", "--max-reuse", "2", "--weights", "psmatch2"},
                new String[] {"--distance", "mahalanobis"},
                new String[] {"--mahvars", "x,z", "--caliper", "0.5"},
                new String[] {"--order", "random", "--seed", "17"})) {
            CliRun o = match(d, concat(extra, "--json"));
            assertEquals(0, o.code(), String.join(" ", extra) + ": " + o.err());
            assertTrue(o.out().contains("\"n_treated_matched\""), o.out());
        }
        CliRun k = match(d, "--method", "kernel", "--json");
        assertTrue(k.out().contains("\"method\" : \"kernel\""), k.out());
    }

    @Test
    void randomOrderIsReproducible() throws IOException {
        Path d = csv(90, MatchBadInputTest::good);
        match(d, "--order", "random", "--seed", "5", "--caliper", "0.05");
        String first = Files.readString(dir.resolve("matched.csv"));
        match(d, "--order", "random", "--seed", "5", "--caliper", "0.05");
        assertEquals(first, Files.readString(dir.resolve("matched.csv")));
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
