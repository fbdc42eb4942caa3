package org.padlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code evaluation} sections of a plan: exit 2 (plan) or 3 (data) with the key or column named. */
class EvaluationPlanCliTest {
    @TempDir
    Path dir;

    private int validate(String evaluation, String[] err) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), StudyFixture.PLAN + evaluation);
        Files.writeString(dir.resolve("schools.csv"), StudyFixture.SCHOOLS);
        Files.writeString(dir.resolve("pupils.csv"), StudyFixture.PUPILS);
        CliRun r = CliRun.run("validate", dir.resolve("study.yaml").toString());
        err[0] = r.err();
        return r.code();
    }

    @Test
    void unknownDesignLabel() throws IOException {
        String[] err = new String[1];
        assertEquals(2, validate("evaluation: {design: volunteers}\n", err));
        assertTrue(err[0].contains("study.yaml: evaluation: unknown design label 'volunteers'"), err[0]);
    }

    @Test
    void protocolOutOfRange() throws IOException {
        String[] err = new String[1];
        assertEquals(2, validate("evaluation: {protocol: {schools_intervention: 15, schools_control: 15, pupils_per_school: 170,"
                + " icc: 1.5}}\n", err));
        assertTrue(err[0].contains("protocol.icc must be in [0, 1); found 1.5"), err[0]);
    }

    @Test
    void complianceRuleNamesAMissingColumn() throws IOException {
        Files.writeString(dir.resolve("compliance.csv"), "school_id,training_attended_pct,review_visits\nA,80,2\nD,40,1\n");
        String[] err = new String[1];
        assertEquals(3, validate("evaluation: {compliance: {file: compliance.csv, id: school_id}}\n", err));
        assertTrue(err[0].contains("compliance.csv, column 'visits_before_lockdown': column named by compliance rule set"
                + " spp-2021 is missing"), err[0]);
    }

    @Test
    void complianceRecordOfAnUnknownSchool() throws IOException {
        Files.writeString(dir.resolve("compliance.csv"),
                "school_id,training_attended_pct,review_visits,visits_before_lockdown\nA,80,2,0\nZ,40,1,0\n");
        String[] err = new String[1];
        assertEquals(3, validate("evaluation: {compliance: {file: compliance.csv, id: school_id}}\n", err));
        assertTrue(err[0].contains("compliance.csv") && err[0].contains("Z"), err[0]);
    }
}
