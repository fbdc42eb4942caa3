package org.padlock.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.padlock.data.Frame;
import org.padlock.design.MatchSpec;
import org.padlock.design.SpecificationSearch;

/** The plan's {@code matching.search} turned into candidate specifications (validated at the boundary). */
final class SearchPlan {
    private SearchPlan() {
    }

    /** The candidates in plan order; plan errors name the key and the value found. */
    static List<MatchSpec> candidates(ResolvedPlan rp) {
        StudyPlan.Search s = rp.plan().matching().search();
        String at = rp.planFile().getFileName() + ": matching.search";
        if (s.keyVariables().isEmpty()) {
            throw new PlanException(at + ".key_variables must list at least one variable");
        }
        for (int i = 0; i < s.covariateSets().size(); i++) {
            if (s.covariateSets().get(i) == null || s.covariateSets().get(i).isEmpty()) {
                throw new PlanException(at + ".covariate_sets[" + i + "] must list at least one covariate");
            }
        }
        List<MatchSpec.Distance> ds = new ArrayList<>();
        try {
            for (String d : s.distances()) {
                ds.add(MatchSpec.parse(MatchSpec.Distance.class, d, "matching.search.distances"));
            }
            List<MatchSpec> out = SpecificationSearch.grid(rp.match(), s.covariateSets(), ds, s.ratios(), s.replace(),
                    s.calipers());
            if (out.size() > 10_000) {
                throw new PlanException(at + " has " + out.size() + " candidates; at most 10000 are allowed");
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new PlanException(at + ": " + e.getMessage());
        }
    }

    /** Every column the search reads: the covariates of all sets and the key variables' columns. */
    static List<String> designColumns(ResolvedPlan rp, Frame schools) {
        StudyPlan.Search s = rp.plan().matching().search();
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (List<String> set : s.covariateSets()) {
            cols.addAll(set);
        }
        for (String k : s.keyVariables()) {
            String col = schools.has(k) ? k : null;
            for (String c : schools.names()) {
                if (col == null && k.startsWith(c + "_")) {
                    col = c;
                }
            }
            if (col == null) {
                throw new PlanException(rp.planFile().getFileName() + ": matching.search.key_variables: '" + k
                        + "' is neither a column of the school table nor <column>_<level> of one");
            }
            cols.add(col);
        }
        return new ArrayList<>(cols);
    }
}
