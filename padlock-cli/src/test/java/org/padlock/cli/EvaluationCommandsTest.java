package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padlock mdes | rate | months | cost}: the JSON keys of docs/CLI.md, the seeds' worked numbers
 * (PowerUpR's cra2 example; seed 000 Appendix B and Tables 12, 13, 15, 16) and bad input (exit 2 with the rule).
 */
class EvaluationCommandsTest {
    @TempDir
    Path dir;

    /** Seed 000 cost inputs (Tables 12a, 12, 13, 15, 16; average participants per school over 16 schools). */
    static final String SEED_COST = """
            pupils_per_school: 931
            horizon_years: 3
            programmes:
              - {name: Teach First, cost_per_participant_per_year: {school: 4050, government: 14500}, duration_years: 2,
                 participants_per_school: 4.25, staff_days_per_participant_per_year: {in_school: 8.7, out_of_school: 15.7}}
              - {name: TL NPQML, cost_per_participant_per_year: {school: 1000, government: 0}, duration_years: 1,
                 participants_per_school: 4.625, staff_days_per_participant_per_year: {in_school: 0, out_of_school: 3.6}}
              - {name: TL Fellows, cost_per_participant_per_year: {school: 2000, government: 16000}, duration_years: 2,
                 participants_per_school: 1.125, staff_days_per_participant_per_year: {in_school: 2.1, out_of_school: 9.3}}
              - {name: NPQSL, cost_per_participant_per_year: {school: 1500, government: 0}, duration_years: 1,
                 participants_per_school: 1.625, staff_days_per_participant_per_year: {in_school: 0, out_of_school: 7.5}}
              - {name: Future Leaders, cost_per_participant_per_year: {school: 0, government: 25000}, duration_years: 2,
                 participants_per_school: 0.1875, staff_days_per_participant_per_year: {in_school: 14.1, out_of_school: 11.5}}
            """;

    @Test
    void mdesPowerUpRExample() {
        CliRun o = run("mdes", "--clusters", "20", "--cluster-size", "15", "--icc", "0.17", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = o.json();
        assertEquals(0.629006417691423, j.get("mdes").asDouble(), 1e-9);
        assertEquals(2.96297070823064, j.get("multiplier").asDouble(), 1e-9);
        assertEquals(18, j.get("df").asDouble());
        assertEquals("", o.err());
    }

    @Test
    void mdesWithCovariatesAndOneSided() {
        // reference/power case 2: R2 .5 at both levels, one level-2 covariate
        CliRun o = run("mdes", "--clusters", "20", "--cluster-size", "15", "--icc", "0.17", "--r2-level1", "0.5",
                "--r2-level2", "0.5", "--level2-covariates", "1", "--json");
        assertEquals(0.446294410872896, o.json().get("mdes").asDouble(), 1e-9);
        CliRun one = run("mdes", "--clusters", "20", "--cluster-size", "15", "--icc", "0.17", "--one-sided", "--json");
        assertTrue(one.json().get("mdes").asDouble() < 0.629);
    }

    /** reference/power cases 9 and 11: mdes.ira1r1(n = 200) and mdes.bira2r1(rho2 = .35, omega2 = .10, n = 83, J = 480). */
    @Test
    void mdesOtherDesigns() {
        JsonNode ira = run("mdes", "--design", "ira1", "--units", "200", "--json").json();
        assertEquals(0.398165865873986, ira.get("mdes").asDouble(), 1e-9);
        assertEquals(198, ira.get("df").asDouble());
        JsonNode bira = run("mdes", "--design", "bira2r1", "--clusters", "480", "--cluster-size", "83", "--icc", "0.35",
                "--omega", "0.1", "--json").json();
        assertEquals(0.0329995485081022, bira.get("mdes").asDouble(), 1e-9);
        assertEquals(479, bira.get("df").asDouble());
        CliRun o = run("mdes", "--design", "ira1", "--json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--design ira1 needs --units"), o.err());
        o = run("mdes", "--design", "cra3", "--units", "20");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--design must be cra2, ira1 or bira2r1; found cra3"), o.err());
    }

    @Test
    void mdesBadInput() {
        CliRun o = run("mdes", "--clusters", "20", "--cluster-size", "15", "--icc", "1.5", "--json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("icc must be in [0, 1); found 1.5"), o.err());
        assertEquals("", o.out());
        o = run("mdes", "--clusters", "3", "--cluster-size", "15", "--icc", "0.1", "--level2-covariates", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no degrees of freedom left"), o.err());
        o = run("mdes", "--clusters", "x", "--cluster-size", "15", "--icc", "0.1");
        assertEquals(2, o.code());
    }

    @Test
    void rateSeed000AppendixB() {
        CliRun o = run("rate", "--design", "well-matched", "--mdes", "0.19", "--attrition", "0.03", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = o.json();
        assertEquals(3, j.get("padlocks").asInt());
        assertEquals(3, j.get("design_score").asInt());
        assertEquals(5, j.get("power_score").asInt());
        assertEquals(5, j.get("attrition_score").asInt());
        assertEquals(3, j.get("initial_score").asInt());
        assertEquals(0, j.get("reasons").size());
    }

    @Test
    void rateBoundariesAndDowngrades() {
        JsonNode j = run("rate", "--design", "rct", "--mdes", "0.2", "--attrition", "0.10", "--json").json();
        assertEquals(4, j.get("power_score").asInt());
        assertEquals(5, j.get("attrition_score").asInt());
        assertEquals(4, j.get("padlocks").asInt());
        j = run("rate", "--design", "rct", "--mdes", "0.15", "--attrition", "0.11", "--balance-downgrade", "1",
                "--balance-reason", "imbalance in prior attainment", "--json").json();
        assertEquals(4, j.get("initial_score").asInt());
        assertEquals(3, j.get("padlocks").asInt());
        assertEquals("balance (-1): imbalance in prior attainment", j.get("reasons").get(0).asText());
    }

    @Test
    void rateBadInput() {
        CliRun o = run("rate", "--design", "matched", "--mdes", "0.2", "--attrition", "0.1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown design label 'matched'; known labels: rct, rct-minor-concerns"), o.err());
        o = run("rate", "--design", "rct", "--mdes", "0.2", "--attrition", "12");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("attrition must be a fraction in [0, 1]; found 12.0"), o.err());
        o = run("rate", "--design", "rct", "--mdes", "0.2", "--attrition", "0.1", "--validity-downgrade", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--validity-downgrade 1 needs --validity-reason TEXT"), o.err());
        o = run("rate", "--design", "rct", "--mdes", "-0.2", "--attrition", "0.1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("MDES must be a positive number; found -0.2"), o.err());
    }

    @Test
    void monthsSignedAndBoundaries() {
        assertEquals("1\n", run("months", "--effect-size", "0.015").out());
        assertEquals("-2\n", run("months", "--effect-size", "-0.095").out());
        assertEquals("0\n", run("months", "--effect-size", "0.01").out());
        assertEquals("12\n", run("months", "--effect-size", "1.3").out());
        JsonNode j = run("months", "--effect-size", "0.19", "--json").json();
        assertEquals(3, j.get("months").asInt());
        assertEquals("eef-toolkit-2018", j.get("table_version").asText());
        CliRun bad = run("months", "--effect-size", "big");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--effect-size must be a number; found 'big'"), bad.err());
    }

    @Test
    void monthsWithAReplacementTable() throws IOException {
        Path t = dir.resolve("m.yaml");
        Files.writeString(t, "version: project-2015\nsource: test\ndecimals: 2\nbands:\n  - {months: 0, max: 0.04}\n"
                + "  - {months: 1, max: 0.09}\n  - {months: 2}\n");
        JsonNode j = run("months", "--effect-size", "0.03", "--table", t.toString(), "--json").json();
        assertEquals(0, j.get("months").asInt());
        assertEquals("project-2015", j.get("table_version").asText());
    }

    @Test
    void costSeed000() throws IOException {
        Path spec = dir.resolve("cost.yaml");
        Files.writeString(spec, SEED_COST);
        CliRun o = run("cost", "--spec", spec.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = o.json();
        assertEquals(45_987.50, j.get("cost_per_school_three_years").asDouble(), 1e-9);
        assertEquals(49.40, j.get("cost_per_pupil_three_years").asDouble(), 0.005);
        assertEquals(16.47, j.get("cost_per_pupil_per_year").asDouble(), 0.005);
        assertEquals("very low", j.get("rating").asText());
        // 000 executive summary: 84 days in school time and 188 days outside school time per school
        assertEquals(84, j.get("staff_days_in_school_per_school_three_years").asDouble(), 0.5);
        assertEquals(188, j.get("staff_days_out_of_school_per_school_three_years").asDouble(), 0.5);
        assertEquals(5, j.get("programmes").size());
        for (String k : List.of("min_cost_per_school_three_years", "max_cost_per_school_three_years")) {
            assertTrue(j.has(k), k);
        }
        // Table 12: Teach First 4.25 x 4,050 x 2 = 34,425 per school
        assertEquals(34_425, j.get("programmes").get(0).get("average_cost_per_school_three_years").asDouble(), 1e-9);
        JsonNode gov = run("cost", "--spec", spec.toString(), "--perspective", "school+government", "--json").json();
        assertEquals(214_612.50, gov.get("cost_per_school_three_years").asDouble(), 1e-9);
        assertEquals(76.84, gov.get("cost_per_pupil_per_year").asDouble(), 0.005);
        assertEquals("very low", gov.get("rating").asText());
    }

    @Test
    void costPerSchoolListsGiveMinAndMax() throws IOException {
        Path spec = dir.resolve("cost.yaml");
        Files.writeString(spec, """
                pupils_per_school: 1000
                programmes:
                  - {name: A, cost_per_participant_per_year: {school: 1000}, duration_years: 2, participants_per_school: [1, 3]}
                  - {name: B, cost_per_participant_per_year: {school: 500}, duration_years: 1, participants_per_school: [4, 0]}
                """);
        JsonNode j = run("cost", "--spec", spec.toString(), "--json").json();
        // school 1: 1*1000*2 + 4*500 = 4000; school 2: 3*1000*2 + 0 = 6000
        assertEquals(4000, j.get("min_cost_per_school_three_years").asDouble(), 1e-9);
        assertEquals(6000, j.get("max_cost_per_school_three_years").asDouble(), 1e-9);
        assertEquals(5000, j.get("cost_per_school_three_years").asDouble(), 1e-9);
        assertEquals(5.0 / 3, j.get("cost_per_pupil_per_year").asDouble(), 1e-12);
    }

    @Test
    void costBadInput() throws IOException {
        Path spec = dir.resolve("cost.yaml");
        Files.writeString(spec, SEED_COST.replace("school: 1500", "school: -1500"));
        CliRun o = run("cost", "--spec", spec.toString(), "--json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cost.yaml: programmes[NPQSL].cost_per_participant_per_year.school must be >= 0; found -1500.0"),
                o.err());
        assertEquals("", o.out());
        Files.writeString(spec, SEED_COST.replace("pupils_per_school: 931", "pupils_per_school: 0"));
        o = run("cost", "--spec", spec.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("pupils_per_school must be > 0; found 0.0"), o.err());
        o = run("cost", "--spec", dir.resolve("none.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("none.yaml: file not found"), o.err());
        Files.writeString(spec, SEED_COST);
        o = run("cost", "--spec", spec.toString(), "--perspective", "government");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--perspective must be school or school+government; found government"), o.err());
    }
}
