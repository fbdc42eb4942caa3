package org.padlock.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small pupil-matched study the CLI tests share (the plan is padlock-core's test plan, read from its resources). */
final class StudyFixture {
    /** padlock-core/src/test/resources/plans/pupil-matched.yaml. */
    static final String PLAN = read(Path.of("../padlock-core/src/test/resources/plans/pupil-matched.yaml"));
    /** Five schools, two treated. */
    static final String SCHOOLS = "school_id,treated,x\nA,1,0.5\nB,0,0.7\nC,0,0.1\nD,1,0.9\nE,0,0.3\n";
    /** One pupil per school. */
    static final String PUPILS = "pupil_id,school_id,male,y\np1,A,1,0.2\np2,B,0,0.1\np3,C,1,0.3\np4,D,0,0.5\np5,E,1,0.4\n";

    private StudyFixture() {
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
