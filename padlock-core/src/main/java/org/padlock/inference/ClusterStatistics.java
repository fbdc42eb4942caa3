package org.padlock.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.estimation.ols.GramAccumulator;
import org.padlock.estimation.ols.WlsFit;

/**
 * Per-cluster sufficient statistics of weighted least squares: for every cluster {@code g},
 * {@code X_g'W_g X_g}, {@code X_g'W_g y_g}, {@code y_g'W_g y_g} and its size (a {@link GramAccumulator}).
 * Their sums give the fit, and with the fit the cluster scores {@code X_g'W_g y_g - X_g'W_g X_g b};
 * that is all CR0/CR1 and the wild cluster bootstrap need. Statistics of disjoint partitions of the
 * data merge by cluster id ({@link #merge}), so a partitioned engine reuses this code. Clusters are kept
 * in the natural order of their ids, so results do not depend on the order of the rows.
 */
public final class ClusterStatistics {
    private final List<String> terms;
    private final TreeMap<String, GramAccumulator> byCluster;

    private ClusterStatistics(List<String> terms, TreeMap<String, GramAccumulator> byCluster) {
        this.terms = List.copyOf(terms);
        this.byCluster = byCluster;
    }

    /** The statistics of the fit's observations (kept terms only), grouped by {@code clusterIds} (one per design row). */
    public static ClusterStatistics of(WlsFit fit, String[] clusterIds) {
        ClusterIndex index = ClusterIndex.of(clusterIds, fit.usedRows());
        GramAccumulator[] per = new GramAccumulator[index.size()];
        java.util.stream.IntStream.range(0, per.length).parallel().forEach(g -> per[g] = fit.gram(index.membersRef(g)));
        TreeMap<String, GramAccumulator> m = new TreeMap<>();
        for (int g = 0; g < per.length; g++) {
            m.put(index.id(g), per[g]);
        }
        return new ClusterStatistics(fit.names(), m);
    }

    /** The statistics of the union of two disjoint parts of the data (clusters may span both parts). */
    public ClusterStatistics merge(ClusterStatistics other) {
        if (!other.terms.equals(terms)) {
            throw new IllegalArgumentException("cannot merge statistics of different terms: " + terms + " and " + other.terms);
        }
        TreeMap<String, GramAccumulator> m = new TreeMap<>();
        for (TreeMap<String, GramAccumulator> part : List.of(byCluster, other.byCluster)) {
            for (Map.Entry<String, GramAccumulator> e : part.entrySet()) {
                m.computeIfAbsent(e.getKey(), k -> new GramAccumulator(terms.size())).merge(e.getValue());
            }
        }
        return new ClusterStatistics(terms, m);
    }

    /** Names of the terms, in column order. */
    public List<String> terms() {
        return terms;
    }

    /** Number of clusters G. */
    public int clusters() {
        return byCluster.size();
    }

    /** Cluster ids in order. */
    public List<String> ids() {
        return new ArrayList<>(byCluster.keySet());
    }

    /** The statistics of every cluster (copies), in the order of {@link #ids()}. */
    public List<GramAccumulator> perCluster() {
        List<GramAccumulator> out = new ArrayList<>();
        for (GramAccumulator g : byCluster.values()) {
            GramAccumulator c = new GramAccumulator(terms.size());
            c.merge(g);
            out.add(c);
        }
        return out;
    }

    /** The statistics of all observations. */
    public GramAccumulator total() {
        GramAccumulator t = new GramAccumulator(terms.size());
        for (GramAccumulator g : byCluster.values()) {
            t.merge(g);
        }
        return t;
    }

    /**
     * The score of one cluster projected on row {@code mj} of {@code M = (X'WX)^-1}:
     * {@code mj'(X_g'W_g y_g - X_g'W_g X_g b)}; the sum of its squares times the CR1 factor is the CR1
     * variance of coefficient j.
     */
    static double projectedScore(double[] mj, double[][] gram, double[] xy, double[] beta) {
        double a = 0;
        for (int r = 0; r < mj.length; r++) {
            a += mj[r] * (xy[r] - Linear.dot(gram[r], beta));
        }
        return a;
    }
}
