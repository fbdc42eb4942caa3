package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CLI.md: in {@code padlock match} a covariate column whose values are not all numeric is
 * categorical without {@code --factors}; {@code --factors} still makes numeric codes categorical.
 * Data: lalonde (reference/lalonde/lalonde.csv), whose {@code race} is text.
 */
class MatchTextCovariateTest {
    static final Path LALONDE = Path.of("../padlock-core/src/test/resources/reference/lalonde/lalonde.csv");
    static final String COVS = "age,educ,race,married,nodegree,re74,re75";

    @TempDir
    Path dir;

    private String[] run(Path data, String out, String... extra) {
        List<String> a = new ArrayList<>(List.of("match", "--data", data.toString(), "--id", "id", "--treatment", "treat",
                "--covariates", COVS, "--caliper", "0.2", "--out", dir.resolve(out).toString(), "--json"));
        a.addAll(List.of(extra));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(a.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(0, code, e.toString());
        return new String[] {o.toString(), e.toString()};
    }

    private static List<String> variables(String json) throws Exception {
        List<String> v = new ArrayList<>();
        for (JsonNode b : new ObjectMapper().readTree(json).get("balance")) {
            v.add(b.get("variable").asText());
        }
        return v;
    }

    @Test
    void textCovariateIsCategoricalWithoutFactors() throws Exception {
        String with = run(LALONDE, "with.csv", "--factors", "race")[0];
        String without = run(LALONDE, "without.csv")[0];
        assertEquals(with, without, "JSON with and without --factors race");
        assertEquals(Files.readString(dir.resolve("with.csv")), Files.readString(dir.resolve("without.csv")));
        List<String> vars = variables(without);
        assertTrue(vars.containsAll(List.of("race_black", "race_hispan", "race_white")), vars.toString());
        assertFalse(vars.contains("race"), vars.toString());
        // the lalonde caliper design of MatchJsonTest / MatchIt: 113 treated matched
        assertEquals(113, new ObjectMapper().readTree(without).get("n_treated_matched").asInt());
    }

    @Test
    void numericCodesNeedFactorsToBeCategorical() throws Exception {
        List<String> lines = Files.readAllLines(LALONDE);
        List<String> coded = new ArrayList<>();
        coded.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            coded.add(l.replace(",black,", ",1,").replace(",hispan,", ",2,").replace(",white,", ",3,"));
        }
        Path data = dir.resolve("coded.csv");
        Files.write(data, coded);
        List<String> numeric = variables(run(data, "n.csv")[0]);
        assertTrue(numeric.contains("race"), numeric.toString());
        assertFalse(numeric.contains("race_1"), numeric.toString());
        String factor = run(data, "f.csv", "--factors", "race")[0];
        List<String> levels = variables(factor);
        assertTrue(levels.containsAll(List.of("race_1", "race_2", "race_3")), levels.toString());
        assertEquals(113, new ObjectMapper().readTree(factor).get("n_treated_matched").asInt());
    }
}
