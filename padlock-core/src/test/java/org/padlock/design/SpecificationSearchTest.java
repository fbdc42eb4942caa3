package org.padlock.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.padlock.EstimationException;
import org.padlock.data.Frame;
import org.padlock.data.Json;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/** Specification search: picks the known best, breaks ties by the documented rule, is deterministic and outcome-blind. */
class SpecificationSearchTest {
    /**
     * 300 units, 60 treated. Treatment depends strongly on z and not at all on x; y is an outcome.
     * Matching on x alone cannot balance z; matching on z can.
     */
    static OutcomeBlindView data() {
        SplittableRandom r = new SplittableRandom(20260101);
        int n = 300;
        String[] id = new String[n];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] z = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = "u" + i;
            t[i] = i < 60 ? 1 : 0;
            x[i] = r.nextGaussian();
            z[i] = r.nextGaussian() + (t[i] == 1 ? 1.0 : 0.0);
            y[i] = z[i] + r.nextGaussian();
        }
        Frame f = new Frame("search.csv", List.of(new TextColumn("id", id), new NumericColumn("t", t),
                new NumericColumn("x", x), new NumericColumn("z", z), new NumericColumn("y", y)));
        return OutcomeBlindView.of(f, "id", "t", List.of("x", "z"), Set.of("y"));
    }

    static MatchSpec base() {
        return MatchSpec.defaults(List.of("x"));
    }

    @Test
    void picksTheCovariateSetThatBalancesTheKeyVariable() {
        List<MatchSpec> c = SpecificationSearch.grid(base(), List.of(List.of("x"), List.of("z")), List.of(), List.of(),
                List.of(), List.of());
        SearchResult r = SpecificationSearch.run(data(), c, List.of("z"), null);
        assertEquals(2, r.candidates().size());
        assertEquals(1, r.chosen(), "matching on z is the known best for balance on z");
        assertEquals(List.of("z"), r.design().spec().covariates());
        SearchCandidate onX = r.candidates().get(0);
        SearchCandidate onZ = r.candidates().get(1);
        assertTrue(onX.keyMedianAbsPctBias() > 50, "z stays imbalanced when matching on x: " + onX.keyMedianAbsPctBias());
        assertTrue(onZ.keyMedianAbsPctBias() < 10, "z balanced when matching on z: " + onZ.keyMedianAbsPctBias());
        // the criterion is pstest's |% bias| of z in the chosen design
        double own = Math.abs(r.design().balance().rows().get(0).pctBiasAfter());
        assertEquals(own, onZ.keyMedianAbsPctBias(), 1e-12);
    }

    @Test
    void gridVariesCalipersFastestAndKeepsPlanOrder() {
        List<MatchSpec> c = SpecificationSearch.grid(base(), List.of(List.of("x"), List.of("z")),
                List.of(MatchSpec.Distance.PS, MatchSpec.Distance.LOGIT_PS), List.of(1, 2), List.of(false, true),
                java.util.Arrays.asList(null, 0.2));
        assertEquals(2 * 2 * 2 * 2 * 2, c.size());
        assertTrue(Double.isNaN(c.get(0).caliper()));
        assertEquals(0.2, c.get(1).caliper());
        assertEquals(true, c.get(2).replace());
        assertEquals(2, c.get(4).ratio());
        assertEquals(MatchSpec.Distance.LOGIT_PS, c.get(8).distance());
        assertEquals(List.of("z"), c.get(16).covariates());
    }

    @Test
    void identicalCandidatesTieAndTheEarlierWins() {
        // a caliper of 100 SD never binds: both candidates give the same matches and the same summary
        List<MatchSpec> c = SpecificationSearch.grid(base(), List.of(List.of("z")), List.of(), List.of(), List.of(),
                java.util.Arrays.asList(100.0, null));
        SearchResult r = SpecificationSearch.run(data(), c, List.of("z"), null);
        assertEquals(r.candidates().get(0).keyMedianAbsPctBias(), r.candidates().get(1).keyMedianAbsPctBias());
        assertEquals(0, r.chosen());
        List<MatchSpec> reversed = List.of(c.get(1), c.get(0));
        assertEquals(0, SpecificationSearch.run(data(), reversed, List.of("z"), null).chosen());
    }

    static SearchCandidate cand(int i, double med, double mean, int nT) {
        return new SearchCandidate(i, base(), true, null, med, mean, med, mean, nT, nT, Double.NaN, 0, 0, 1);
    }

    @Test
    void tieBreakRule() {
        // lower median wins outright
        assertEquals(1, SpecificationSearch.choose(List.of(cand(0, 5, 1, 10), cand(1, 4, 9, 1))));
        // medians within 1e-9: lower mean wins
        assertEquals(1, SpecificationSearch.choose(List.of(cand(0, 5, 3, 10), cand(1, 5 + 5e-10, 2, 1))));
        // medians and means tied: more treated matched wins
        assertEquals(1, SpecificationSearch.choose(List.of(cand(0, 5, 3, 10), cand(1, 5, 3, 11))));
        // all tied: the earliest in plan order
        assertEquals(0, SpecificationSearch.choose(List.of(cand(0, 5, 3, 10), cand(1, 5, 3, 10), cand(2, 5, 3, 10))));
        // failed candidates are never chosen; none left gives -1
        SearchCandidate failed = SearchCandidate.failed(0, base(), "no treated unit was matched");
        assertEquals(1, SpecificationSearch.choose(List.of(failed, cand(1, 50, 50, 1))));
        assertEquals(-1, SpecificationSearch.choose(List.of(failed)));
    }

    @Test
    void deterministic() {
        List<MatchSpec> c = SpecificationSearch.grid(base(), List.of(List.of("x"), List.of("z"), List.of("x", "z")),
                List.of(), List.of(1, 3), List.of(false, true), java.util.Arrays.asList(null, 0.1));
        String a = Json.write(SpecificationSearch.run(data(), c, List.of("z", "x"), null).toJson());
        String b = Json.write(SpecificationSearch.run(data(), c, List.of("z", "x"), null).toJson());
        assertEquals(a, b);
        assertTrue(a.contains("\"candidates\"") && a.contains("\"rule\""));
    }

    @Test
    void outcomesAreOutOfReach() {
        List<MatchSpec> c = SpecificationSearch.grid(base(), List.of(List.of("z")), List.of(), List.of(), List.of(), List.of());
        assertThrows(IllegalStateException.class, () -> SpecificationSearch.run(data(), c, List.of("y"), null));
    }

    @Test
    void allCandidatesFailingIsAnEstimationErrorListingThem() {
        // a caliper of 1e-9 SD matches nothing
        List<MatchSpec> c = new ArrayList<>(SpecificationSearch.grid(base(), List.of(List.of("x"), List.of("z")), List.of(),
                List.of(), List.of(), List.of(1e-9)));
        EstimationException e = assertThrows(EstimationException.class,
                () -> SpecificationSearch.run(data(), c, List.of("z"), null));
        assertTrue(e.getMessage().contains("candidate 0") && e.getMessage().contains("candidate 1"), e.getMessage());
    }
}
