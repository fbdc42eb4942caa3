/**
 * Inference after a weighted least-squares fit, never a refit of the data: covariance estimators
 * (classical, HC1, CR0, CR1 in {@link org.padlock.inference.Covariance}; CR2 with Satterthwaite df in
 * {@link org.padlock.inference.Cr2Covariance}), the restricted wild cluster bootstrap
 * ({@link org.padlock.inference.WildClusterBootstrap}) and cluster-level randomisation inference
 * ({@link org.padlock.inference.RandomisationInference}). The bootstrap and randomisation tests work
 * from per-cluster sufficient statistics ({@link org.padlock.inference.ClusterStatistics}), which merge
 * across data partitions.
 */
package org.padlock.inference;
