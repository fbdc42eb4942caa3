package org.padlock.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster membership of the observations of a fit: cluster numbers {@code 0..G-1} in order of first
 * appearance, the id of each, and the observations of each cluster.
 */
public final class ClusterIndex {
    private final int[] cluster;
    private final List<String> ids;
    private final int[][] members;

    private ClusterIndex(int[] cluster, List<String> ids, int[][] members) {
        this.cluster = cluster;
        this.ids = List.copyOf(ids);
        this.members = members;
    }

    /**
     * @param idsByRow cluster id of every row of the design given to the fit
     * @param used     the rows the fit used ({@code WlsFit.usedRows()}); observation {@code i} is row {@code used[i]}
     */
    public static ClusterIndex of(String[] idsByRow, int[] used) {
        int n = used.length;
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            String id = idsByRow[used[i]];
            if (id == null) {
                throw new IllegalArgumentException("cluster id is missing for row " + (used[i] + 1));
            }
            Integer gi = index.get(id);
            if (gi == null) {
                gi = ids.size();
                index.put(id, gi);
                ids.add(id);
            }
            g[i] = gi;
        }
        int[] count = new int[ids.size()];
        for (int gi : g) {
            count[gi]++;
        }
        int[][] members = new int[ids.size()][];
        for (int c = 0; c < members.length; c++) {
            members[c] = new int[count[c]];
            count[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            members[g[i]][count[g[i]]++] = i;
        }
        return new ClusterIndex(g, ids, members);
    }

    /** Number of clusters G. */
    public int size() {
        return members.length;
    }

    /** Cluster number of observation {@code i}. */
    public int clusterOf(int i) {
        return cluster[i];
    }

    /** Cluster number of every observation (a copy). */
    public int[] clusters() {
        return cluster.clone();
    }

    /** Id of cluster {@code g}. */
    public String id(int g) {
        return ids.get(g);
    }

    /** Observations of cluster {@code g} (a copy). */
    public int[] members(int g) {
        return members[g].clone();
    }

    int[] membersRef(int g) {
        return members[g];
    }
}
