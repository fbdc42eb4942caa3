package org.padlock.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.design.MatchSpec;

/** The plan's {@code matching} section accepts the method options and resolves them as {@code padlock match} does. */
class MatchingPlanOptionsTest {
    @TempDir
    Path dir;

    /** The shared plan with the {@code matching} section as a format argument and no {@code analysis} section. */
    static final String PLAN = TestPlans.PUPIL_MATCHED.replace("  covariates: [x]\n", "%s\n")
            .replace("analysis:\n  pupil_covariates: [male]\n", "");

    private ResolvedPlan resolve(String matching) throws IOException {
        Path p = dir.resolve("study.yaml");
        Files.writeString(p, PLAN.formatted(matching));
        return ResolvedPlan.of(PlanLoader.load(p), p);
    }

    @Test
    void defaultsAreNearestNeighbour() throws IOException {
        MatchSpec s = resolve("  covariates: [x]").match();
        assertEquals(MatchSpec.Method.NEAREST, s.method());
        assertEquals(MatchSpec.DEFAULT_BANDWIDTH, s.bandwidth());
        assertEquals(0, s.maxReuse());
        assertEquals(MatchSpec.Order.LARGEST, s.order());
    }

    @Test
    void kernelOptions() throws IOException {
        MatchSpec s = resolve("  covariates: [x, 'I(x^2)', 'x:z']\n  method: kernel\n  kernel: gaussian\n  bandwidth: 0.1").match();
        assertEquals(MatchSpec.Method.KERNEL, s.method());
        assertEquals(MatchSpec.Kernel.GAUSSIAN, s.kernel());
        assertEquals(0.1, s.bandwidth());
        assertEquals(List.of("x", "I(x^2)", "x:z"), s.covariates());
    }

    @Test
    void nearestOptions() throws IOException {
        MatchSpec s = resolve("  covariates: [x]\n  replace: true\n  ties: true\n  max_reuse: 3\n  mahvars: [x, z]\n  caliper: 0.2")
                .match();
        assertTrue(s.ties());
        assertEquals(3, s.maxReuse());
        assertEquals(List.of("x", "z"), s.mahvars());
    }

    @Test
    void mahalanobisDefaultsToDataOrder() throws IOException {
        assertEquals(MatchSpec.Order.DATA, resolve("  covariates: [x]\n  distance: mahalanobis").match().order());
    }

    @Test
    void badValuesArePlanErrors() {
        PlanException e = assertThrows(PlanException.class, () -> resolve("  covariates: [x]\n  method: optimal"));
        assertTrue(e.getMessage().contains("matching.method must be one of nearest|kernel|radius"), e.getMessage());
        PlanException t = assertThrows(PlanException.class, () -> resolve("  covariates: [x]\n  ties: true"));
        assertTrue(t.getMessage().contains("ties needs matching with replacement"), t.getMessage());
    }
}
