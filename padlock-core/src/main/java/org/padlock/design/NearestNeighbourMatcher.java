package org.padlock.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.padlock.data.IndexSort;

/**
 * Greedy k:1 nearest-neighbour matching on a one-dimensional distance, with or without
 * replacement, caliper, exact strata and common-support discard, following MatchIt's
 * {@code method = "nearest"} (Ho, Imai, King and Stuart 2011, J. Stat. Software 42(8); MatchIt
 * 4.7 documentation) and psmatch2's conventions (Leuven and Sianesi 2003).
 *
 * <p>Controls of a stratum are sorted by distance; each treated unit finds its nearest available
 * control by binary search and two union-find pointers that skip used controls, so matching
 * costs O((n_t k + n_c) log n_c), never O(n_t n_c). Without replacement and k > 1, matching runs in
 * k rounds (every treated unit takes its first control, then its second, ...), as MatchIt does.
 * When two controls are equally far, the one with the lower distance wins; controls with equal
 * distances keep data order (MatchIt 4.7's rule). With replacement, psmatch2's {@code ties} also
 * keeps every control exactly as far as the k-th, and a reuse limit (MatchIt's {@code reuse.max})
 * removes a control from the union-find structure once it serves that many treated units.
 * Kernel, radius and Mahalanobis matching are dispatched to {@link KernelMatcher} and
 * {@link MahalanobisMatcher}; weights are assembled by {@link MatchAssembler}.
 */
public final class NearestNeighbourMatcher {
    private NearestNeighbourMatcher() {
    }

    /**
     * @param ids      unit identifiers
     * @param treated  1 treated, 0 control
     * @param pscore   propensity scores (for output and discard)
     * @param distance the distance matched on (score or its logit)
     * @param strata   exact-matching stratum key per unit ("" when no exact matching)
     * @param clusters cluster of each unit (for carrying to controls), or {@code null}
     */
    public static MatchedSample match(List<String> ids, int[] treated, double[] pscore, double[] distance, String[] strata,
                                      String[] clusters, MatchSpec spec) {
        return match(ids, treated, pscore, distance, strata, clusters, spec, null);
    }

    /**
     * As {@link #match(List, int[], double[], double[], String[], String[], MatchSpec)}, dispatching on
     * the specification's method: kernel and radius matching ({@link KernelMatcher}), Mahalanobis
     * nearest neighbours inside the caliper on {@code distance} ({@link MahalanobisMatcher}, when
     * {@code mahalanobis} is given), or nearest neighbours on {@code distance}.
     *
     * @param mahalanobis covariate columns ({@code x[j][i]}, no intercept) of the Mahalanobis distance,
     *                    transformed by {@link MahalanobisTransform} over the units not discarded; or {@code null}
     */
    public static MatchedSample match(List<String> ids, int[] treated, double[] pscore, double[] distance, String[] strata,
                                      String[] clusters, MatchSpec spec, double[][] mahalanobis) {
        int n = ids.size();
        List<String> diag = new ArrayList<>();
        boolean[] discarded = discard(treated, distance, spec.discard());
        double width = Double.NaN;
        if (!Double.isNaN(spec.caliper())) {
            if (spec.caliperScale() == MatchSpec.CaliperScale.SD) {
                width = spec.caliper() * sd(distance, discarded);
            } else {
                width = spec.caliper();
            }
        }
        boolean strict = spec.caliperScale() == MatchSpec.CaliperScale.RAW;
        Map<String, int[]> controlsByStratum = controlsByStratum(treated, discarded, strata);
        List<Integer> order = new ArrayList<>();
        java.util.Set<String> reported = new java.util.TreeSet<>();
        int treatedWithoutControls = 0;
        for (int t : treatedOrder(treated, discarded, distance, spec)) {
            if (controlsByStratum.containsKey(strata[t])) {
                order.add(t);
            } else {
                reported.add(strata[t]);
                treatedWithoutControls++;
            }
        }
        if (!reported.isEmpty() && !spec.exact().isEmpty()) {
            diag.add(reported.size() + " exact-matching strata have treated units but no available controls ("
                    + treatedWithoutControls + " treated units left unmatched): "
                    + String.join("; ", reported.stream().limit(10).toList()));
        }
        java.util.Set<String> treatedStrata = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (treated[i] == 1 && !discarded[i]) {
                treatedStrata.add(strata[i]);
            }
        }
        List<String> controlOnly = controlsByStratum.keySet().stream().filter(s -> !treatedStrata.contains(s)).sorted().toList();
        if (!controlOnly.isEmpty() && !spec.exact().isEmpty()) {
            int unused = controlOnly.stream().mapToInt(s -> controlsByStratum.get(s).length).sum();
            diag.add(controlOnly.size() + " exact-matching strata have controls but no treated units; their " + unused
                    + " controls are unused: " + String.join("; ", controlOnly.stream().limit(10).toList()));
        }
        int[][] matches = new int[n][];
        double[][] shares = new double[n][];
        int[] count = new int[n];
        if (spec.method() != MatchSpec.Method.NEAREST) {
            KernelMatcher.fill(order, distance, strata, controlsByStratum, spec, width, strict, matches, shares, count);
        } else if (mahalanobis != null) {
            double[][] z = MahalanobisTransform.transform(mahalanobis, treated, discarded);
            MahalanobisMatcher.fill(order, distance, strata, controlsByStratum, z, spec, width, strict, matches,
                    shares, count);
        } else {
            Map<String, Stratum> strataIndex = new HashMap<>();
            for (var e : controlsByStratum.entrySet()) {
                strataIndex.put(e.getKey(), new Stratum(e.getValue(), distance));
            }
            fillNearest(order, distance, strata, strataIndex, spec, width, strict, matches, shares, count);
        }
        return MatchAssembler.assemble(ids, treated, pscore, distance, discarded, order, matches, shares, count, clusters,
                spec, width, diag);
    }

    /**
     * The controls not discarded, by stratum, each stratum's in ascending unit order (three passes over
     * the units, without a list of boxed indices).
     */
    static Map<String, int[]> controlsByStratum(int[] treated, boolean[] discarded, String[] strata) {
        // each control's stratum numbered in order of first appearance (-1: not an available control)
        Map<String, Integer> code = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] of = new int[treated.length];
        // a run of units in one stratum (all units, without exact matching) looks its stratum up once
        String last = null;
        int lastCode = -1;
        for (int i = 0; i < treated.length; i++) {
            if (treated[i] != 0 || discarded[i]) {
                of[i] = -1;
                continue;
            }
            if (last == null || !last.equals(strata[i])) {
                last = strata[i];
                lastCode = code.computeIfAbsent(last, s -> {
                    names.add(s);
                    return names.size() - 1;
                });
            }
            of[i] = lastCode;
        }
        int[] size = new int[names.size()];
        for (int c : of) {
            if (c >= 0) {
                size[c]++;
            }
        }
        int[][] units = new int[size.length][];
        for (int c = 0; c < units.length; c++) {
            units[c] = new int[size[c]];
        }
        int[] filled = new int[units.length];
        for (int i = 0; i < of.length; i++) {
            if (of[i] >= 0) {
                units[of[i]][filled[of[i]]++] = i;
            }
        }
        Map<String, int[]> out = new HashMap<>();
        for (int c = 0; c < units.length; c++) {
            out.put(names.get(c), units[c]);
        }
        return out;
    }

    private static void fillNearest(List<Integer> order, double[] distance, String[] strata, Map<String, Stratum> strataIndex,
                                    MatchSpec spec, double width, boolean strict, int[][] matches, double[][] shares,
                                    int[] count) {
        int k = spec.ratio();
        if (spec.replace()) {
            Map<String, int[]> uses = new HashMap<>();
            for (int t : order) {
                Stratum s = strataIndex.get(strata[t]);
                int[] u = uses.computeIfAbsent(strata[t], x -> new int[s.unit.length]);
                int[] found = s.nearestWithReplacement(distance[t], k, width, strict, spec.ties(), spec.maxReuse(), u);
                setEqualShares(t, found, matches, shares, count);
            }
        } else {
            roundsWithoutReplacement(order, k, t -> strataIndex.get(strata[t]).takeNearest(distance[t], width, strict),
                    matches, shares, count);
        }
    }

    /**
     * Matching without replacement in k rounds (MatchIt's order of k:1 matching): in each round every
     * treated unit still matched in all earlier rounds, in {@code order}, takes the control chosen by
     * {@code take} (which marks it used; -1 = none). Each control then has share 1/(controls found).
     */
    static void roundsWithoutReplacement(List<Integer> order, int k, java.util.function.IntUnaryOperator take,
                                         int[][] matches, double[][] shares, int[] count) {
        for (int t : order) {
            matches[t] = new int[k];
        }
        for (int round = 0; round < k; round++) {
            for (int t : order) {
                if (count[t] < round) {
                    continue;
                }
                int c = take.applyAsInt(t);
                if (c >= 0) {
                    matches[t][count[t]++] = c;
                }
            }
        }
        for (int t : order) {
            shares[t] = new double[count[t]];
            Arrays.fill(shares[t], count[t] == 0 ? 0 : 1.0 / count[t]);
        }
    }

    /** Records the controls of treated unit t, each with share 1/|controls|. */
    static void setEqualShares(int t, int[] controls, int[][] matches, double[][] shares, int[] count) {
        matches[t] = controls;
        count[t] = controls.length;
        shares[t] = new double[controls.length];
        Arrays.fill(shares[t], controls.length == 0 ? 0 : 1.0 / controls.length);
    }

    /** Units outside common support by MatchIt's {@code discard} rule, on the distance. */
    static boolean[] discard(int[] treated, double[] d, MatchSpec.Discard rule) {
        int n = treated.length;
        boolean[] out = new boolean[n];
        if (rule == MatchSpec.Discard.NONE) {
            return out;
        }
        double minT = Double.POSITIVE_INFINITY, maxT = Double.NEGATIVE_INFINITY;
        double minC = Double.POSITIVE_INFINITY, maxC = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (treated[i] == 1) {
                minT = Math.min(minT, d[i]);
                maxT = Math.max(maxT, d[i]);
            } else {
                minC = Math.min(minC, d[i]);
                maxC = Math.max(maxC, d[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            boolean t = treated[i] == 1;
            switch (rule) {
                case BOTH -> out[i] = d[i] < Math.max(minT, minC) || d[i] > Math.min(maxT, maxC);
                case TREATED -> out[i] = t && (d[i] < minC || d[i] > maxC);
                case CONTROL -> out[i] = !t && (d[i] < minT || d[i] > maxT);
                default -> out[i] = false;
            }
        }
        return out;
    }

    /** Sample SD (n - 1) of the distance over units not discarded. */
    static double sd(double[] d, boolean[] discarded) {
        double s = 0;
        int m = 0;
        for (int i = 0; i < d.length; i++) {
            if (!discarded[i]) {
                s += d[i];
                m++;
            }
        }
        double mean = s / m;
        double ss = 0;
        for (int i = 0; i < d.length; i++) {
            if (!discarded[i]) {
                ss += (d[i] - mean) * (d[i] - mean);
            }
        }
        return Math.sqrt(ss / (m - 1));
    }

    static List<Integer> treatedOrder(int[] treated, boolean[] discarded, double[] d, MatchSpec spec) {
        int[] units = java.util.stream.IntStream.range(0, treated.length).filter(i -> treated[i] == 1 && !discarded[i]).toArray();
        if (spec.order() == MatchSpec.Order.LARGEST || spec.order() == MatchSpec.Order.SMALLEST) {
            // a stable sort of the positions by the (negated) distances: ties stay in unit order
            double[] key = new double[units.length];
            for (int k = 0; k < units.length; k++) {
                key[k] = spec.order() == MatchSpec.Order.LARGEST ? -d[units[k]] : d[units[k]];
            }
            int[] pos = IndexSort.byValue(java.util.stream.IntStream.range(0, units.length).toArray(), key);
            int[] sorted = new int[units.length];
            for (int k = 0; k < units.length; k++) {
                sorted[k] = units[pos[k]];
            }
            units = sorted;
        }
        List<Integer> t = new ArrayList<>(units.length);
        for (int u : units) {
            t.add(u);
        }
        if (spec.order() == MatchSpec.Order.RANDOM) {
            java.util.Collections.shuffle(t, new Random(spec.seed()));
        }
        return t;
    }

    /** Controls of one stratum sorted by distance, with union-find pointers over used ones. */
    private static final class Stratum {
        final int[] unit;
        private final double[] value;
        private final SortedUnits sorted;
        private final int[] nextRight;
        private final int[] nextLeft;

        Stratum(int[] units, double[] d) {
            sorted = new SortedUnits(units, d);
            unit = sorted.unit;
            value = sorted.value;
            int m = unit.length;
            nextRight = new int[m + 2];
            nextLeft = new int[m + 2];
            // positions are shifted by one: 0 and m+1 are sentinels
            for (int j = 0; j < m + 2; j++) {
                nextRight[j] = j;
                nextLeft[j] = j;
            }
        }

        private int findRight(int j) {
            int root = j;
            while (nextRight[root] != root) {
                root = nextRight[root];
            }
            while (nextRight[j] != root) {
                int nx = nextRight[j];
                nextRight[j] = root;
                j = nx;
            }
            return root;
        }

        private int findLeft(int j) {
            int root = j;
            while (nextLeft[root] != root) {
                root = nextLeft[root];
            }
            while (nextLeft[j] != root) {
                int nx = nextLeft[j];
                nextLeft[j] = root;
                j = nx;
            }
            return root;
        }

        private static boolean within(double gap, double width, boolean strict) {
            return Double.isNaN(width) || (strict ? gap < width : gap <= width);
        }

        /** Takes (marks used) the nearest available control within the caliper; its unit index or -1. */
        int takeNearest(double v, double width, boolean strict) {
            int m = value.length;
            int pos = sorted.lowerBound(v);
            int r = findRight(pos + 1); // shifted
            int l = findLeft(pos); // shifted: position pos-1 is index pos
            int best = pick(v, l, r, m);
            if (best < 0) {
                return -1;
            }
            if (!within(Math.abs(value[best] - v), width, strict)) {
                return -1;
            }
            nextRight[best + 1] = best + 2;
            nextLeft[best + 1] = best;
            return unit[best];
        }

        /** Sorted index of the better of the shifted candidates l and r, or -1 when neither exists. */
        private int pick(double v, int l, int r, int m) {
            boolean hasL = l >= 1;
            boolean hasR = r <= m;
            if (!hasL && !hasR) {
                return -1;
            }
            if (!hasL) {
                return r - 1;
            }
            if (!hasR) {
                return l - 1;
            }
            // MatchIt: the lower control wins when the two are equally far
            return v - value[l - 1] <= value[r - 1] - v ? l - 1 : r - 1;
        }

        /**
         * The k nearest controls within the caliper that have not reached the reuse limit (used
         * before or not); with {@code ties}, also every further control exactly as far as the k-th.
         * Equal gaps on both sides: the lower control first. Returns unit indices.
         *
         * @param uses per sorted position, how many treated units the control already serves
         */
        int[] nearestWithReplacement(double v, int k, double width, boolean strict, boolean ties, int maxReuse, int[] uses) {
            int m = value.length;
            int pos = sorted.lowerBound(v);
            int l = findLeft(pos);
            int r = findRight(pos + 1);
            List<Integer> taken = new ArrayList<>();
            double kth = Double.NaN;
            while (true) {
                boolean hasL = l >= 1;
                boolean hasR = r <= m;
                if (!hasL && !hasR) {
                    break;
                }
                int take;
                if (!hasL) {
                    take = r - 1;
                } else if (!hasR) {
                    take = l - 1;
                } else {
                    take = v - value[l - 1] <= value[r - 1] - v ? l - 1 : r - 1;
                }
                double gap = Math.abs(value[take] - v);
                if (!within(gap, width, strict)) {
                    break;
                }
                if (taken.size() >= k && !(ties && gap == kth)) {
                    break;
                }
                taken.add(take);
                if (taken.size() == k) {
                    kth = gap;
                }
                if (take == l - 1) {
                    l = findLeft(l - 1);
                } else {
                    r = findRight(r + 1);
                }
            }
            int[] out = new int[taken.size()];
            for (int a = 0; a < out.length; a++) {
                int sIdx = taken.get(a);
                out[a] = unit[sIdx];
                if (maxReuse > 0 && ++uses[sIdx] >= maxReuse) {
                    nextRight[sIdx + 1] = sIdx + 2;
                    nextLeft[sIdx + 1] = sIdx;
                }
            }
            return out;
        }
    }
}
