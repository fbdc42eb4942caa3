package org.padlock.inference;

/**
 * Cluster-level weight distributions of the wild bootstrap, each with mean 0 and variance 1.
 * Rademacher: +-1 with probability 1/2 each. Webb (2014, Queen's Economics Department WP 1315):
 * +-sqrt(1/2), +-1, +-sqrt(3/2) with probability 1/6 each, for few clusters.
 */
public enum BootstrapWeights {
    RADEMACHER(new double[] {-1.0, 1.0}),
    WEBB(new double[] {-Math.sqrt(1.5), -1.0, -Math.sqrt(0.5), Math.sqrt(0.5), 1.0, Math.sqrt(1.5)});

    private final double[] support;

    BootstrapWeights(double[] support) {
        this.support = support;
    }

    /** The equally likely values, in increasing order (a copy). */
    public double[] support() {
        return support.clone();
    }

    /** Lower-case label used in JSON ({@code rademacher}, {@code webb}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
