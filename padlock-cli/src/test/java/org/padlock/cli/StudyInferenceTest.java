package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    static final String PLAN = """
            padlock: 1
            name: test
            design: pupil-matched
            data:
              schools: {file: schools.csv, id: school_id}
              pupils: {file: pupils.csv, id: pupil_id, school: school_id}
            treatment: treated
            matching:
              covariates: [x]
            outcomes:
              - {name: y, column: y, role: primary}
            analysis:
              pupil_covariates: [male]
            """;

    private void write(String analysisExtra) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), PLAN + analysisExtra);
        Files.writeString(dir.resolve("schools.csv"), "school_id,treated,x\nA,1,0.5\nB,0,0.7\nC,0,0.1\nD,1,0.9\nE,0,0.3\n");
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

    private int run(String out, StringWriter err) {
        return Main.execute(new String[] {"run", dir.resolve("study.yaml").toString(), "--out", dir.resolve(out).toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    }

    private JsonNode primary(String out) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("results.json").toFile()).get("analyses").get(0);
    }

    @Test
    void cr2WithRandomisationInference() throws IOException {
        write("  se: cr2\n  randomisation_inference: 500\n");
        StringWriter err = new StringWriter();
        assertEquals(0, run("a", err), err.toString());
        assertEquals(0, run("b", err), err.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/results.json")), Files.readAllBytes(dir.resolve("b/results.json")));
        JsonNode row = primary("a");
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
        StringWriter err = new StringWriter();
        assertEquals(0, run("a", err), err.toString());
        JsonNode row = primary("a");
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
        StringWriter err = new StringWriter();
        assertEquals(2, run("a", err));
        assertTrue(err.toString().contains("analysis.bootstrap_weights must be rademacher or webb"), err.toString());
    }
}
