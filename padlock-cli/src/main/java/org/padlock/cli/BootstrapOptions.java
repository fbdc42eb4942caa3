package org.padlock.cli;

import org.padlock.inference.BootstrapWeights;
import picocli.CommandLine.Option;

/** The wild cluster bootstrap's options, shared by {@code estimate} and {@code did} (a picocli mixin). */
final class BootstrapOptions {
    @Option(names = "--bootstrap-reps", defaultValue = "9999", paramLabel = "B",
            description = "wild bootstrap draws; all 2^G sign vectors are used instead when 2^G <= B (default ${DEFAULT-VALUE})")
    int reps;
    @Option(names = "--bootstrap-weights", defaultValue = "rademacher", description = "rademacher|webb (default ${DEFAULT-VALUE})")
    String weights;
    @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N", description = "seed of the bootstrap draws (default ${DEFAULT-VALUE})")
    long seed;

    /** The validated number of draws. */
    int reps() {
        if (reps < 1) {
            throw new IllegalArgumentException("--bootstrap-reps must be at least 1; found " + reps);
        }
        return reps;
    }

    /** The validated weight distribution. */
    BootstrapWeights weights() {
        return switch (weights) {
            case "rademacher" -> BootstrapWeights.RADEMACHER;
            case "webb" -> BootstrapWeights.WEBB;
            default -> throw Cli.badChoice("--bootstrap-weights", weights, "rademacher", "webb");
        };
    }
}
