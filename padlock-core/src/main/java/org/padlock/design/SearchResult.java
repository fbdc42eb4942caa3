package org.padlock.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a specification search: every candidate with its summary (the log that discloses
 * the choice), the chosen candidate and its design.
 *
 * @param keyVariables balance rows the criterion is computed over
 * @param candidates   every candidate, in enumeration order
 * @param chosen       index of the chosen candidate
 * @param design       the chosen candidate's design
 */
public record SearchResult(List<String> keyVariables, List<SearchCandidate> candidates, int chosen, DesignResult design) {
    /** The selection rule, as disclosed in results and report. */
    public static final String RULE = "lowest median |% bias| (pstest, after matching) over the key variables; ties"
            + " (within 1e-9) broken by the lowest mean |% bias| over the key variables, then the most treated units"
            + " matched, then the earliest candidate in plan order; failed candidates are never chosen";

    public SearchResult {
        keyVariables = List.copyOf(keyVariables);
        candidates = List.copyOf(candidates);
    }

    /** The search log as JSON values. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", RULE);
        m.put("key_variables", keyVariables);
        m.put("chosen", chosen);
        List<Map<String, Object>> c = new ArrayList<>();
        for (SearchCandidate s : candidates) {
            c.add(s.toJson());
        }
        m.put("candidates", c);
        return m;
    }
}
