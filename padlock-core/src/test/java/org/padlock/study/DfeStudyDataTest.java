package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.data.DataException;
import org.padlock.data.Frame;

/** The plan's {@code data.dfe} source builds the same panel as {@code dfe-panel} and joins it onto the schools. */
class DfeStudyDataTest {
    private static final Path DFE = Path.of("src/test/resources/dfe").toAbsolutePath();
    @TempDir
    Path dir;

    private Path plan(String dfe) throws IOException {
        Files.writeString(dir.resolve("schools.csv"), "URN,treated\n115976,1\n116482,0\n115943,0\n999999,0\n");
        Path p = dir.resolve("study.yaml");
        Files.writeString(p, """
                padlock: 1
                name: dfe source
                design: school-did
                data:
                  schools: {file: schools.csv, id: URN}
                %s
                treatment: treated
                matching:
                  covariates: [MAT_AVERAGE_2017]
                outcomes:
                  - {name: reading, column: READ_AVERAGE_2018, pre: READ_AVERAGE_2017, role: primary}
                """.formatted(dfe));
        return p;
    }

    @Test
    void ks2FilesAreJoinedOntoTheSchoolTable() throws IOException {
        Path p = plan("  dfe:\n    ks2: [" + DFE.resolve("ks2_2016-850.csv") + ", " + DFE.resolve("ks2_2017-850.csv") + "]");
        StudyInputs in = StudyInputs.load(ResolvedPlan.of(PlanLoader.load(p), p));
        Frame s = in.schools();
        assertEquals(4, s.rowCount());
        // ks2_2016-850.csv lines 2-4 (URNs 115976, 116482, 115943): READ_AVERAGE 107, 105, 106
        assertEquals(107, s.numeric("READ_AVERAGE_2017").get(0));
        assertEquals(105, s.numeric("READ_AVERAGE_2017").get(1));
        assertEquals(106, s.numeric("READ_AVERAGE_2017").get(2));
        // ks2_2017-850.csv line 86: URN 115976 READ_AVERAGE 107
        assertEquals(107, s.numeric("READ_AVERAGE_2018").get(0));
        // a school not in the files has missing values
        assertTrue(Double.isNaN(s.numeric("READ_AVERAGE_2017").get(3)));
        // the input files are hashed into the manifest
        assertTrue(in.hashes().containsKey("ks2_2016-850.csv") && in.hashes().containsKey("ks2_2017-850.csv"));
    }

    @Test
    void badDfeFileIsADataError() throws IOException {
        Path bad = dir.resolve("ks2_bad.csv");
        Files.writeString(bad, "RECTYPE,URN,READ_AVERAGE,READ_AVERAGE_16\n1,115976,105,104\n1,115976,101,100\n");
        Path p = plan("  dfe:\n    ks2: [ks2_bad.csv]");
        DataException e = assertThrows(DataException.class, () -> StudyInputs.load(ResolvedPlan.of(PlanLoader.load(p), p)));
        assertTrue(e.getMessage().contains("ks2_bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
    }
}
