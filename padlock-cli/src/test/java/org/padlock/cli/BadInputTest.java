package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.padlock.cli.CliRun.run;
import static org.padlock.cli.StudyFixture.PLAN;
import static org.padlock.cli.StudyFixture.PUPILS;
import static org.padlock.cli.StudyFixture.SCHOOLS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gives its exit code and a message naming file, row, column and rule; nothing is written. */
class BadInputTest {
    @TempDir
    Path dir;

    @BeforeEach
    void write() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), PLAN);
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS);
        Files.writeString(dir.resolve("pupils.csv"), PUPILS);
    }

    private CliRun validate() {
        return run("validate", dir.resolve("study.yaml").toString());
    }

    @Test
    void validPlanValidates() {
        CliRun o = validate();
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("valid (5 schools, 5 pupils)"), o.out());
    }

    @Test
    void missingColumn() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), "school_id,treated\nA,1\nB,0\n");
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("schools.csv, column 'x': required column is missing"), o.err());
    }

    @Test
    void textInNumericColumn() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS.replace("C,0,0.1", "C,0,abc"));
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("schools.csv: row 3 (line 4), column 'x': must be numeric; found \"abc\""), o.err());
    }

    @Test
    void duplicateIds() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS + "B,0,0.2\n");
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("schools.csv: row 6 (line 7), column 'school_id': duplicate identifier 'B' (first seen at row 2)"),
                o.err());
    }

    @Test
    void treatmentNotBinary() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS.replace("D,1,0.9", "D,2,0.9"));
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("schools.csv: row 4 (line 5), column 'treated': must be 0 or 1; found \"2\""), o.err());
    }

    @Test
    void emptyFile() throws IOException {
        Files.writeString(dir.resolve("pupils.csv"), "");
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("pupils.csv: file is empty"), o.err());
    }

    @Test
    void headerOnlyFile() throws IOException {
        Files.writeString(dir.resolve("pupils.csv"), "pupil_id,school_id,male,y\n");
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("pupils.csv: file has a header but no data rows"), o.err());
    }

    @Test
    void keysDoNotMatch() throws IOException {
        Files.writeString(dir.resolve("pupils.csv"), PUPILS + "p6,Z,0,0.1\n");
        CliRun o = validate();
        assertEquals(3, o.code());
        assertTrue(o.err().contains("pupils.csv: row 6 (line 7), column 'school_id': value 'Z' has no matching 'school_id' in schools.csv"),
                o.err());
    }

    @Test
    void unknownPlanKeyIsExit2() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), PLAN + "colour: blue\n");
        CliRun o = validate();
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown key 'colour'"), o.err());
    }

    @Test
    void outcomeAsMatchingCovariateIsRefused() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), PLAN.replace("covariates: [x]", "covariates: [x, y]"));
        CliRun o = validate();
        assertEquals(2, o.code());
        assertTrue(o.err().contains("'y' is an outcome column; the design stage must not see outcomes"), o.err());
    }

    @Test
    void runWritesNothingOnBadData() throws IOException {
        Files.writeString(dir.resolve("schools.csv"), SCHOOLS.replace("D,1,0.9", "D,x,0.9"));
        Path out = dir.resolve("out");
        CliRun o = run("run", dir.resolve("study.yaml").toString(), "--out", out.toString());
        assertEquals(3, o.code());
        assertFalse(Files.exists(out.resolve("results.json")));
        assertFalse(Files.exists(out.resolve("frozen-design.json")));
        assertFalse(o.err().contains("Exception"), "no stack trace without --verbose: " + o.err());
    }

    @Test
    void usageErrorIsExit2() {
        CliRun o = run("match", "--data");
        assertEquals(2, o.code());
    }
}
