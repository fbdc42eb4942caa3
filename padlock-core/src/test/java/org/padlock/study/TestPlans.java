package org.padlock.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The study plans the tests share: {@code src/test/resources/plans/pupil-matched.yaml}, a pupil-matched
 * study of schools.csv (school_id, treated, x) and pupils.csv (pupil_id, school_id, male, y). The CLI
 * tests read the same file.
 */
final class TestPlans {
    /** The pupil-matched plan: matching on x, outcome y, pupil covariate male. */
    static final String PUPIL_MATCHED = read("/plans/pupil-matched.yaml");

    private TestPlans() {
    }

    private static String read(String resource) {
        try (InputStream in = TestPlans.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
