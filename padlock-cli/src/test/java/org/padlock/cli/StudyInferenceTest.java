package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's {@code analysis.se: cr2|wild}, {@code bootstrap_reps}, {@code bootstrap_weights} and
 * {@code randomisation_inference} reach results.json; runs are byte-identical; bad values are plan errors.
 */
class StudyInferenceTest {
    @TempDir
    Path dir;

    private void write(String analysisExtra) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), StudyFixture.PLAN + analysisExtra);
        Files.writeString(dir.resolve("schools.csv"), StudyFixture.SCHOOLS);
        StringBuilder p = new StringBuilder("pupil_id,school_id,male,y\n");
        SplittableRandom r = new SplittableRandom(3);
        int k = 0;
        for (String s : new String[] {"A", "B", "C", "D", "E"}) {
            for (int i = 0; i < 12; i++) {
                p.append("p").append(++k).append(',').append(s).append(',').append(r.nextInt(2)).append(',')
                        .append(Math.round(r.nextGaussian() * 1000) / 1000.0).append('\n');
            }
        }
        Files.writeString(dir.resolve("pupils.csv"), p.toString());
    }

    private CliRun run(String out) {
        return CliRun.run("run", dir.resolve("study.yaml").toString(), "--out", dir.resolve(out).toString());
    }

    /** Runs the study into {@code out}, which must succeed, and returns the primary analysis row of results.json. */
    private JsonNode runPrimary(String out) throws IOException {
        CliRun c = run(out);
        assertEquals(0, c.code(), c.err());
        return new ObjectMapper().readTree(dir.resolve(out).resolve("results.json").toFile()).get("analyses").get(0);
    }

    @Test
    void cr2WithRandomisationInference() throws IOException {
        write("  se: cr2\n  randomisation_inference: 500\n");
        JsonNode row = runPrimary("a");
        runPrimary("b");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        assertEquals("cr2", row.get("se_method").asText());
        int g = row.get("n_clusters").asInt();
        double df = row.get("df").asDouble();
        assertTrue(df > 0 && df < g, "Satterthwaite df below G: " + df);
        JsonNode ri = row.get("randomisation");
        assertTrue(ri.get("enumerated").asBoolean());
        long assignments = ri.get("assignments").asLong();
        double scaled = ri.get("p_value_coefficient").asDouble() * assignments;
        assertEquals(Math.rint(scaled), scaled, 1e-9);
    }

    @Test
    void wildBootstrapEnumeratesFewClusters() throws IOException {
        write("  se: wild\n  bootstrap_reps: 999\n  bootstrap_weights: rademacher\n");
        JsonNode row = runPrimary("a");
        assertEquals("wild", row.get("se_method").asText());
        assertTrue(row.get("df").isNull());
        int draws = 1 << row.get("n_clusters").asInt();
        double scaled = row.get("p_value").asDouble() * draws;
        assertEquals(Math.rint(scaled), scaled, 1e-9, "p is a share of the 2^G enumerated sign vectors");
        assertTrue(row.get("diagnostics").toString().contains("enumerated"), row.toString());
    }

    @Test
    void badBootstrapWeightsIsAPlanError() throws IOException {
        write("  se: wild\n  bootstrap_weights: gaussian\n");
        CliRun a = run("a");
        assertEquals(2, a.code());
        assertTrue(a.err().contains("analysis.bootstrap_weights must be rademacher or webb"), a.err());
    }
}
