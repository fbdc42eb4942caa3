package org.padlock.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;

/**
 * The restricted wild cluster bootstrap against (a) a plain R loop over all weight vectors with
 * {@code lm} (reference/cr2, Rademacher on 9 clusters: 512 vectors; Webb on 5 clusters: 7776), and (b) a
 * straightforward Java loop in this test that builds every bootstrap outcome and refits it with
 * {@link WeightedLeastSquares} and CR1 {@link Covariance} (a different code path from the per-cluster
 * statistics of {@link WildClusterBootstrap}). Tolerances: t statistics 1e-8 absolute; p-values exact
 * (they are counts over the same vectors).
 */
class WildClusterBootstrapTest {
    static final JsonNode REF = Reference.json("cr2/cr2_reference.json").get("wild");
    static final Frame SMALL = Cr2ReferenceTest.SMALL;

    /** A weighted fit of y on treat and x1 using the rows of the listed clusters. */
    record Data(int[] rows, WlsFit fit, String[] clusters, double[] y, double[] w, double[] treat) {
    }

    static Data data(Set<String> keep) {
        int[] rows = IntStream.range(0, SMALL.rowCount()).filter(i -> keep.contains(SMALL.text("school").get(i))).toArray();
        double[] y = pick(SMALL.numeric("y").values(), rows);
        double[] w = pick(SMALL.numeric("w").values(), rows);
        double[] treat = pick(SMALL.numeric("treat").values(), rows);
        String[] cl = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            cl[i] = SMALL.text("school").get(rows[i]);
        }
        ModelMatrix x = ModelMatrixBuilder.build(SMALL, rows, List.of("treat", "x1"), Set.of(), MissingPolicy.DROP, true, true);
        return new Data(rows, WeightedLeastSquares.fit(x, y, w), cl, y, w, treat);
    }

    static double[] pick(double[] v, int[] rows) {
        double[] o = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = v[rows[i]];
        }
        return o;
    }

    static Set<String> clusters(int n) {
        Set<String> s = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            s.add("C" + i);
        }
        return s;
    }

    /** Naive WCR: refit every bootstrap sample; returns the t* of {@code treat = beta0} for the given weight vectors. */
    static double[] naiveT(Data d, List<double[]> vectors, double beta0) {
        int[] all = IntStream.range(0, d.rows().length).toArray();
        ModelMatrix xr = ModelMatrixBuilder.build(SMALL, d.rows(), List.of("x1"), Set.of(), MissingPolicy.DROP, true, true);
        ModelMatrix xf = ModelMatrixBuilder.build(SMALL, d.rows(), List.of("treat", "x1"), Set.of(), MissingPolicy.DROP, true, true);
        double[] yr = new double[all.length];
        for (int i : all) {
            yr[i] = d.y()[i] - beta0 * d.treat()[i];
        }
        WlsFit r = WeightedLeastSquares.fit(xr, yr, d.w());
        List<String> ids = new ArrayList<>(new TreeSet<>(Arrays.asList(d.clusters())));
        double[] out = new double[vectors.size()];
        for (int b = 0; b < out.length; b++) {
            double[] v = vectors.get(b);
            double[] ys = new double[all.length];
            for (int i : all) {
                double u = r.residual(i);
                ys[i] = (yr[i] - u) + beta0 * d.treat()[i] + v[ids.indexOf(d.clusters()[i])] * u;
            }
            WlsFit f = WeightedLeastSquares.fit(xf, ys, d.w());
            CoefficientTest t = Covariance.of(f, new CovarianceSpec.Clustered(d.clusters(), true)).test(f, "treat");
            out[b] = (t.estimate() - beta0) / t.stdError();
        }
        return out;
    }

    static List<double[]> enumerate(double[] support, int g) {
        List<double[]> out = new ArrayList<>();
        int total = (int) Math.pow(support.length, g);
        for (int b = 0; b < total; b++) {
            double[] v = new double[g];
            int code = b;
            for (int c = 0; c < g; c++) {
                v[c] = support[code % support.length];
                code /= support.length;
            }
            out.add(v);
        }
        return out;
    }

    static double naiveP(Data d, List<double[]> vectors, double beta0) {
        CoefficientTest obs = Covariance.of(d.fit(), new CovarianceSpec.Clustered(d.clusters(), true)).test(d.fit(), "treat");
        double t = Math.abs((obs.estimate() - beta0) / obs.stdError());
        long count = Arrays.stream(naiveT(d, vectors, beta0)).filter(ts -> Math.abs(ts) >= t * (1 - 1e-10)).count();
        return (double) count / vectors.size();
    }

    private static void checkAgainstR(String block, Data d, BootstrapWeights weights, int expectedDraws) {
        JsonNode ref = REF.get(block);
        WildBootstrapResult r = WildClusterBootstrap.test(d.fit(), d.clusters(), "treat", 9999, 1, weights);
        assertTrue(r.enumerated());
        assertEquals(expectedDraws, r.draws());
        assertEquals(ref.get("n_draws").asInt(), r.draws());
        assertEquals(ref.get("t_obs").asDouble(), r.t(), 1e-9 * Math.abs(r.t()));
        assertEquals(ref.get("p_value").asDouble(), r.pValue(), 1e-12);
        double[] t = WildClusterBootstrap.bootstrapT(ClusterStatistics.of(d.fit(), d.clusters()), "treat", 9999, 1, weights, 0);
        double[] abs = Arrays.stream(t).map(Math::abs).sorted().toArray();
        JsonNode sorted = ref.get("abs_t_star_sorted");
        double maxDiff = 0;
        for (int b = 0; b < abs.length; b++) {
            maxDiff = Math.max(maxDiff, Math.abs(abs[b] - sorted.get(b).asDouble()));
        }
        assertTrue(maxDiff < 1e-8, block + " max |t*| difference " + maxDiff);
    }

    @Test
    void rademacherEnumerationMatchesPlainR() {
        checkAgainstR("rademacher_all9", data(clusters(9)), BootstrapWeights.RADEMACHER, 512);
    }

    @Test
    void webbEnumerationMatchesPlainR() {
        checkAgainstR("webb_first5", data(clusters(5)), BootstrapWeights.WEBB, 7776);
    }

    @Test
    void fourClustersByHand() {
        Data d = data(clusters(4));
        List<double[]> all = enumerate(new double[] {-1, 1}, 4);
        double[] naive = naiveT(d, all, 0);
        double[] fast = WildClusterBootstrap.bootstrapT(ClusterStatistics.of(d.fit(), d.clusters()), "treat", 16, 1,
                BootstrapWeights.RADEMACHER, 0);
        assertEquals(16, fast.length);
        for (int b = 0; b < 16; b++) {
            assertEquals(naive[b], fast[b], 1e-9, "draw " + b);
        }
        WildBootstrapResult r = WildClusterBootstrap.test(d.fit(), d.clusters(), "treat", 16, 1, BootstrapWeights.RADEMACHER);
        assertEquals(naiveP(d, all, 0), r.pValue(), 1e-15);
        // 16 vectors, symmetric in v and -v: p >= 2/16 > 0.05 everywhere, so the interval is unbounded
        assertTrue(r.pValue() >= 2.0 / 16);
        assertTrue(Double.isInfinite(r.ciLow()) && Double.isInfinite(r.ciHigh()), r.toString());
        assertTrue(r.diagnostics().stream().anyMatch(s -> s.contains("unbounded")), r.diagnostics().toString());
        // fewer reps than vectors: random draws, not enumeration
        assertFalse(WildClusterBootstrap.test(d.fit(), d.clusters(), "treat", 15, 1, BootstrapWeights.RADEMACHER).enumerated());
    }

    @Test
    void intervalEndsAreWhereTheNaiveTestStartsToReject() {
        Data d = data(clusters(9));
        WildBootstrapResult r = WildClusterBootstrap.test(d.fit(), d.clusters(), "treat", 9999, 1, BootstrapWeights.RADEMACHER);
        assertTrue(r.ciLow() < r.estimate() && r.estimate() < r.ciHigh(), r.toString());
        List<double[]> all = enumerate(new double[] {-1, 1}, 9);
        double eps = 1e-6;
        assertTrue(naiveP(d, all, r.ciLow() + eps) > 0.05);
        assertTrue(naiveP(d, all, r.ciLow() - eps) <= 0.05);
        assertTrue(naiveP(d, all, r.ciHigh() - eps) > 0.05);
        assertTrue(naiveP(d, all, r.ciHigh() + eps) <= 0.05);
    }

    @Test
    void randomDrawsAreSeededAndMatchTheNaiveLoop() {
        String[][] cl = new String[1][];
        WlsFit fit = ClusterReferenceTest.fit(true, cl);
        WildBootstrapResult a = WildClusterBootstrap.test(fit, cl[0], "treat", 199, 42, BootstrapWeights.WEBB);
        WildBootstrapResult b = WildClusterBootstrap.test(fit, cl[0], "treat", 199, 42, BootstrapWeights.WEBB);
        assertFalse(a.enumerated());
        assertEquals(199, a.draws());
        assertEquals(a, b);
        double[] t42 = WildClusterBootstrap.bootstrapT(ClusterStatistics.of(fit, cl[0]), "treat", 199, 42, BootstrapWeights.WEBB, 0);
        double[] t43 = WildClusterBootstrap.bootstrapT(ClusterStatistics.of(fit, cl[0]), "treat", 199, 43, BootstrapWeights.WEBB, 0);
        assertNotEquals(t42[0], t43[0]);
        // the documented draw order: SplittableRandom(seed), one value per cluster in id order, draw by draw
        SplittableRandom rnd = new SplittableRandom(42);
        double[] support = BootstrapWeights.WEBB.support();
        int g = new TreeSet<>(Arrays.asList(cl[0])).size();
        double[] first = new double[g];
        for (int c = 0; c < g; c++) {
            first[c] = support[rnd.nextInt(support.length)];
        }
        double expected = naiveT40(fit, cl[0], first);
        assertEquals(expected, t42[0], 1e-9);
    }

    /** The first bootstrap t of the 40-school weighted model, by refitting. */
    private static double naiveT40(WlsFit fit, String[] cl, double[] v) {
        var y = ClusterReferenceTest.DATA.numeric("y");
        int[] rows = IntStream.range(0, ClusterReferenceTest.DATA.rowCount()).filter(i -> !y.isMissing(i)).toArray();
        ModelMatrix xf = ModelMatrixBuilder.build(ClusterReferenceTest.DATA, rows, List.of("treat", "x1", "x2", "f"), Set.of(),
                MissingPolicy.INDICATOR, true, true);
        ModelMatrix xr = ModelMatrixBuilder.build(ClusterReferenceTest.DATA, rows, List.of("x1", "x2", "f"), Set.of(),
                MissingPolicy.INDICATOR, true, true);
        double[] yv = pick(y.values(), rows);
        double[] w = pick(ClusterReferenceTest.DATA.numeric("w").values(), rows);
        WlsFit r = WeightedLeastSquares.fit(xr, yv, w);
        List<String> ids = new ArrayList<>(new TreeSet<>(Arrays.asList(cl)));
        double[] ys = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ys[i] = yv[i] - r.residual(i) + v[ids.indexOf(cl[i])] * r.residual(i);
        }
        WlsFit f = WeightedLeastSquares.fit(xf, ys, w);
        CoefficientTest t = Covariance.of(f, new CovarianceSpec.Clustered(cl, true)).test(f, "treat");
        return t.estimate() / t.stdError();
    }

    @Test
    void oneClusterIsADiagnostic() {
        Data d = data(clusters(9));
        String[] one = new String[d.clusters().length];
        Arrays.fill(one, "x");
        WildBootstrapResult r = WildClusterBootstrap.test(d.fit(), one, "treat", 99, 1, BootstrapWeights.RADEMACHER);
        assertTrue(Double.isNaN(r.pValue()));
        assertTrue(r.diagnostics().get(0).contains("only one cluster"));
    }

    @Test
    void statisticsOfPartitionsMergeIntoThoseOfTheWhole() {
        Data whole = data(clusters(9));
        int n = whole.rows().length;
        int[] even = IntStream.range(0, n).filter(i -> i % 2 == 0).map(i -> whole.rows()[i]).toArray();
        int[] odd = IntStream.range(0, n).filter(i -> i % 2 == 1).map(i -> whole.rows()[i]).toArray();
        ClusterStatistics merged = part(even).merge(part(odd));
        ClusterStatistics direct = ClusterStatistics.of(whole.fit(), whole.clusters());
        assertEquals(direct.ids(), merged.ids());
        for (int g = 0; g < direct.clusters(); g++) {
            var a = direct.perCluster().get(g);
            var b = merged.perCluster().get(g);
            assertEquals(a.n(), b.n());
            assertEquals(a.ytwy(), b.ytwy(), 1e-9 * a.ytwy());
            for (int i = 0; i < 3; i++) {
                assertEquals(a.xtwy()[i], b.xtwy()[i], 1e-9 * (1 + Math.abs(a.xtwy()[i])));
                for (int j = 0; j < 3; j++) {
                    assertEquals(a.xtwx()[i][j], b.xtwx()[i][j], 1e-9 * (1 + Math.abs(a.xtwx()[i][j])));
                }
            }
        }
        WildBootstrapResult r1 = WildClusterBootstrap.test(direct, "treat", 9999, 1, BootstrapWeights.RADEMACHER, 0.95);
        WildBootstrapResult r2 = WildClusterBootstrap.test(merged, "treat", 9999, 1, BootstrapWeights.RADEMACHER, 0.95);
        assertEquals(r1.pValue(), r2.pValue());
        assertEquals(r1.t(), r2.t(), 1e-9);
    }

    private static ClusterStatistics part(int[] rows) {
        ModelMatrix x = ModelMatrixBuilder.build(SMALL, rows, List.of("treat", "x1"), Set.of(), MissingPolicy.DROP, true, true);
        String[] cl = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            cl[i] = SMALL.text("school").get(rows[i]);
        }
        WlsFit f = WeightedLeastSquares.fit(x, pick(SMALL.numeric("y").values(), rows), pick(SMALL.numeric("w").values(), rows));
        return ClusterStatistics.of(f, cl);
    }
}
