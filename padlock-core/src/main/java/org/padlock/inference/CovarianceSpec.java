package org.padlock.inference;

/**
 * The family of covariance estimators for a weighted least-squares fit. Sealed, so that a
 * clustered estimator cannot be asked for without clusters.
 */
public sealed interface CovarianceSpec {
    /** Short label used in tables and JSON ({@code classical}, {@code hc1}, {@code cr0}, {@code cr1}). */
    String label();

    /**
     * The estimator named by {@code label} ({@link #label()}'s values), with {@code clusters} for the
     * clustered ones (ignored otherwise).
     */
    static CovarianceSpec of(String label, String[] clusters) {
        return switch (label) {
            case "classical" -> new Classical();
            case "hc1" -> new Hc1();
            case "cr0" -> new Clustered(clusters, false);
            case "cr1" -> new Clustered(clusters, true);
            default -> throw new IllegalArgumentException("unknown covariance estimator '" + label + "'");
        };
    }

    /** {@code sigma^2 (X'WX)^-1} with {@code sigma^2 = sum w e^2 / (n - k)}; t with n - k df. */
    record Classical() implements CovarianceSpec {
        public String label() {
            return "classical";
        }
    }

    /** White's heteroskedasticity-robust estimator with the n / (n - k) factor (Stata {@code robust}); t with n - k df. */
    record Hc1() implements CovarianceSpec {
        public String label() {
            return "hc1";
        }
    }

    /**
     * Cluster-robust (Liang-Zeger) with cluster ids per observation of the fit's design matrix.
     * {@code stataAdjusted} true gives CR1, Stata's {@code vce(cluster)} and sandwich's
     * {@code vcovCL(type = "HC1")}: factor {@code G/(G-1) (N-1)/(N-K)}; false gives CR0. Both use
     * t with G - 1 df (Cameron and Miller 2015, J. Human Resources 50(2), s. II.C and VI).
     */
    record Clustered(String[] clusters, boolean stataAdjusted) implements CovarianceSpec {
        public Clustered {
            clusters = clusters.clone();
        }

        public String label() {
            return stataAdjusted ? "cr1" : "cr0";
        }
    }
}
