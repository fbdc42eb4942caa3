package org.padlock.estimation.mixed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.padlock.estimation.ols.GramAccumulator;

/**
 * The sufficient statistics of a random-intercept model with precision weights: the totals
 * {@code X'WX}, {@code X'Wy}, {@code y'Wy}, {@code sum log w} and, per group g, {@code sum_g w},
 * {@code X_g'w_g} and {@code w_g'y_g}. Every likelihood evaluation needs only these, so its cost
 * does not grow with the number of pupils. Accumulators over disjoint rows merge into the
 * accumulator of their union (a group may be split across parts).
 */
public final class GroupedStatistics {
    private final int p;
    private final GramAccumulator totals;
    private final Map<String, double[]> groups = new LinkedHashMap<>();
    private double sumLogW;

    public GroupedStatistics(int p) {
        this.p = p;
        this.totals = new GramAccumulator(p);
    }

    /**
     * Adds rows of column-stored {@code x} with outcome {@code y}, weights {@code w} (positive)
     * and group ids {@code group}.
     */
    public void add(double[][] x, double[] y, double[] w, String[] group) {
        int n = y.length;
        totals.merge(GramAccumulator.of(x, y, w));
        // each row's group statistics, looked up once
        double[][] of = new double[n][];
        for (int i = 0; i < n; i++) {
            of[i] = groups.computeIfAbsent(group[i], id -> fresh());
        }
        for (int i = 0; i < n; i++) {
            double[] t = of[i];
            double wi = w[i];
            t[0] += wi;
            t[1] += wi * y[i];
            t[2] += 1;
            sumLogW += Math.log(wi);
        }
        for (int j = 0; j < p; j++) {
            double[] col = x[j];
            int sum = 3 + j;
            int min = 3 + p + j;
            int max = 3 + 2 * p + j;
            for (int i = 0; i < n; i++) {
                double[] t = of[i];
                double v = col[i];
                t[sum] += w[i] * v;
                t[min] = Math.min(t[min], v);
                t[max] = Math.max(t[max], v);
            }
        }
    }

    /** Adds the statistics of another accumulator over the same terms. */
    public void merge(GroupedStatistics o) {
        if (o.p != p) {
            throw new IllegalArgumentException("cannot merge statistics of " + o.p + " and " + p + " terms");
        }
        totals.merge(o.totals);
        sumLogW += o.sumLogW;
        for (Map.Entry<String, double[]> e : o.groups.entrySet()) {
            double[] s = groups.computeIfAbsent(e.getKey(), k -> fresh());
            double[] t = e.getValue();
            for (int j = 0; j < 3 + p; j++) {
                s[j] += t[j];
            }
            for (int j = 0; j < p; j++) {
                s[3 + p + j] = Math.min(s[3 + p + j], t[3 + p + j]);
                s[3 + 2 * p + j] = Math.max(s[3 + 2 * p + j], t[3 + 2 * p + j]);
            }
        }
    }

    private double[] fresh() {
        double[] s = new double[3 + 3 * p];
        java.util.Arrays.fill(s, 3 + p, 3 + 2 * p, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(s, 3 + 2 * p, 3 + 3 * p, Double.NEGATIVE_INFINITY);
        return s;
    }

    /** Whether term {@code j} takes one value within every group (a level-2 term, e.g. the intercept or treatment). */
    boolean constantWithinGroups(int j) {
        for (double[] s : groups.values()) {
            if (s[3 + p + j] != s[3 + 2 * p + j]) {
                return false;
            }
        }
        return true;
    }

    int p() {
        return p;
    }

    GramAccumulator totals() {
        return totals;
    }

    double sumLogW() {
        return sumLogW;
    }

    /** Per group: {sum w, sum w y, count, X'w (p values), min x (p), max x (p)}, in first-seen order. */
    Map<String, double[]> groups() {
        return groups;
    }
}
