package org.padlock.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.EstimationException;
import org.padlock.balance.BalanceTable;
import org.padlock.balance.Characteristic;

/**
 * Specification search (seed 000: "the specification with the lowest absolute percent median bias
 * across key school variables", chosen before outcomes existed). Each candidate specification is
 * matched on the same outcome-blind view; pstest's % bias after matching (unmatched variances in
 * the denominator, weighted means over the matched sample) is computed for every key variable,
 * whether or not the candidate matches on it, over the candidate's own sample; the candidate with
 * the lowest median |% bias| wins, ties broken as {@link SearchResult#RULE} states. Deterministic:
 * the order of candidates is the plan's and no randomness is used beyond each candidate's seed.
 */
public final class SpecificationSearch {
    /** Criteria closer than this (in % bias points) count as tied. */
    static final double TIE = 1e-9;

    private SpecificationSearch() {
    }

    /**
     * @param view         outcome-blind data; must hold every covariate, exact column and key variable
     * @param candidates   specifications in plan order (at least one)
     * @param keyVariables columns (a categorical column counts with every level) or {@code <column>_<level>} rows
     * @param cluster      cluster column carried to matches, or {@code null}
     * @throws EstimationException when no candidate could be matched (the log is in the message)
     */
    public static SearchResult run(OutcomeBlindView view, List<MatchSpec> candidates, List<String> keyVariables,
                                   String cluster) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a specification search needs at least one candidate");
        }
        if (keyVariables.isEmpty()) {
            throw new IllegalArgumentException("a specification search needs at least one key variable");
        }
        Set<String> factors = new HashSet<>();
        for (MatchSpec s : candidates) {
            factors.addAll(s.factors());
            factors.addAll(s.exact());
        }
        List<String> keyColumns = new ArrayList<>();
        for (String k : keyVariables) {
            String col = view.columns().contains(k) ? k : null;
            if (col == null) {
                for (String c : view.columns()) {
                    if (k.startsWith(c + "_") && (col == null || c.length() > col.length())) {
                        col = c;
                    }
                }
            }
            if (col == null) {
                view.require(k);
            }
            if (!keyColumns.contains(col)) {
                keyColumns.add(col);
            }
        }
        List<Characteristic> all = Characteristic.of(view.frame(), keyColumns, factors, Map.of());
        List<Characteristic> keys = new ArrayList<>();
        for (Characteristic c : all) {
            String col = keyColumns.stream().filter(k -> c.key().equals(k) || c.key().startsWith(k + "_")).findFirst().orElse("");
            if (keyVariables.contains(c.key()) || keyVariables.contains(col)) {
                keys.add(c);
            }
        }
        for (String k : keyVariables) {
            boolean found = keys.stream().anyMatch(c -> c.key().equals(k) || c.key().startsWith(k + "_"));
            if (!found) {
                throw new IllegalArgumentException("key variable '" + k + "' is neither a column nor a level of one");
            }
        }
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < view.rowCount(); i++) {
            row.put(view.ids().get(i), i);
        }
        List<SearchCandidate> log = new ArrayList<>();
        List<DesignResult> designs = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            MatchSpec s = candidates.get(c);
            DesignResult d;
            try {
                d = DesignStage.run(view, s, cluster);
            } catch (EstimationException e) {
                log.add(SearchCandidate.failed(c, s, e.getMessage()));
                designs.add(null);
                continue;
            }
            MatchedSample m = d.sample();
            int n = m.size();
            double[][] kx = new double[keys.size()][n];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++) {
                double[] x = keys.get(j).x();
                for (int i = 0; i < n; i++) {
                    kx[j][i] = x[row.get(m.ids().get(i))];
                }
                names.add(keys.get(j).key());
            }
            BalanceTable kb = BalanceTable.compute(names, kx, m.treated(), m.weight());
            var after = d.balance().summary() == null ? null : d.balance().summary().after();
            log.add(new SearchCandidate(c, s, true, null, kb.medianAbsPctBiasAfter(), kb.meanAbsPctBiasAfter(),
                    d.balance().medianAbsPctBiasAfter(), d.balance().meanAbsPctBiasAfter(), m.nTreatedMatched(),
                    m.nControlMatched(), m.caliperWidth(), after == null ? Double.NaN : after.pseudoR2(),
                    after == null ? Double.NaN : after.rubinB(), after == null ? Double.NaN : after.rubinR()));
            designs.add(d);
        }
        int best = choose(log);
        if (best < 0) {
            StringBuilder sb = new StringBuilder("no candidate of the specification search could be matched:");
            for (SearchCandidate sc : log) {
                sb.append("\n  candidate ").append(sc.index()).append(" (").append(sc.describe()).append("): ")
                        .append(sc.message());
            }
            throw new EstimationException(sb.toString(), List.of());
        }
        List<String> keyNames = keys.stream().map(Characteristic::key).toList();
        return new SearchResult(keyNames, log, best, designs.get(best));
    }

    /** Index of the chosen candidate under {@link SearchResult#RULE}, or -1 when none succeeded. */
    static int choose(List<SearchCandidate> log) {
        SearchCandidate best = null;
        for (SearchCandidate c : log) {
            if (!c.ok() || Double.isNaN(c.keyMedianAbsPctBias())) {
                continue;
            }
            if (best == null || better(c, best)) {
                best = c;
            }
        }
        return best == null ? -1 : best.index();
    }

    /** Whether {@code a} beats {@code b}; an exact tie keeps {@code b} (the earlier candidate). */
    private static boolean better(SearchCandidate a, SearchCandidate b) {
        int cmp = compare(a.keyMedianAbsPctBias(), b.keyMedianAbsPctBias());
        if (cmp == 0) {
            cmp = compare(a.keyMeanAbsPctBias(), b.keyMeanAbsPctBias());
        }
        if (cmp == 0) {
            cmp = Integer.compare(b.nTreatedMatched(), a.nTreatedMatched());
        }
        return cmp < 0;
    }

    private static int compare(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) == Double.isNaN(b) ? 0 : Double.isNaN(a) ? 1 : -1;
        }
        return Math.abs(a - b) <= TIE ? 0 : Double.compare(a, b);
    }

    /**
     * The candidates of a search grid in plan order: covariate sets, then distances, ratios,
     * replacement settings and calipers (the last varies fastest). Every other setting is the base
     * specification's. An empty list takes the base specification's single value; a {@code null}
     * caliper means none.
     */
    public static List<MatchSpec> grid(MatchSpec base, List<List<String>> covariateSets, List<MatchSpec.Distance> distances,
                                       List<Integer> ratios, List<Boolean> replace, List<Double> calipers) {
        List<List<String>> sets = covariateSets.isEmpty() ? List.of(base.covariates()) : covariateSets;
        List<MatchSpec.Distance> ds = distances.isEmpty() ? List.of(base.distance()) : distances;
        List<Integer> rs = ratios.isEmpty() ? List.of(base.ratio()) : ratios;
        List<Boolean> rp = replace.isEmpty() ? List.of(base.replace()) : replace;
        List<Double> cs = calipers.isEmpty() ? Arrays.asList(Double.isNaN(base.caliper()) ? null : base.caliper()) : calipers;
        List<MatchSpec> out = new ArrayList<>();
        for (List<String> set : sets) {
            for (MatchSpec.Distance d : ds) {
                for (int r : rs) {
                    for (boolean rep : rp) {
                        for (Double cal : cs) {
                            out.add(new MatchSpec(set, base.factors(), base.exact(), base.link(), d, r, rep,
                                    cal == null ? Double.NaN : cal, base.caliperScale(), base.discard(), base.order(),
                                    base.seed(), base.weights()));
                        }
                    }
                }
            }
        }
        return out;
    }

}
