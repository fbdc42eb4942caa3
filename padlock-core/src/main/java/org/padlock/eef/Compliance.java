package org.padlock.eef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Classifies schools and clusters by a {@link ComplianceRules} rule set (seed 003 Table 3; DOMAIN.md
 * s. 7): each school record by the school rules; each cluster by the cluster rules applied to the
 * number of its schools in each category.
 */
public final class Compliance {
    private Compliance() {
    }

    /**
     * @param records    school compliance records (one row per treated school)
     * @param idColumn   school id column of the records
     * @param clusterOf  cluster of each school id ({@code null}: no cluster level)
     * @throws DataException when a rule names a column the records lack, or a rule column is not numeric
     */
    public static ComplianceSummary classify(ComplianceRules rules, Frame records, String idColumn,
                                             Map<String, String> clusterOf) {
        if (!records.has(idColumn)) {
            throw new DataException(records.source(), -1, idColumn, "the compliance records' id column is missing");
        }
        Map<String, NumericColumn> cols = new TreeMap<>();
        for (String c : rules.columns()) {
            if (!records.has(c)) {
                throw new DataException(records.source(), -1, c, "column named by compliance rule set " + rules.version()
                        + " is missing; the records have: " + String.join(", ", records.names()));
            }
            cols.put(c, records.numeric(c));
        }
        TextColumn ids = records.text(idColumn);
        List<ComplianceSummary.Unit> schools = new ArrayList<>();
        Map<String, Map<String, Double>> perCluster = new TreeMap<>();
        for (int i = 0; i < records.rowCount(); i++) {
            Map<String, Double> v = new HashMap<>();
            for (Map.Entry<String, NumericColumn> e : cols.entrySet()) {
                v.put(e.getKey(), e.getValue().get(i));
            }
            String cat = rules.schoolOtherwise();
            for (ComplianceRules.Category c : rules.school()) {
                if (c.when().test(v)) {
                    cat = c.name();
                    break;
                }
            }
            String id = ids.get(i);
            String cl = clusterOf == null ? null : clusterOf.get(id);
            schools.add(new ComplianceSummary.Unit(id, cl, cat, rules.level(cat)));
            if (cl != null) {
                perCluster.computeIfAbsent(cl, k -> zero(rules)).merge(cat, 1.0, Double::sum);
            }
        }
        List<ComplianceSummary.Unit> clusters = new ArrayList<>();
        if (clusterOf != null && rules.clusterOtherwise() != null) {
            for (Map.Entry<String, Map<String, Double>> e : perCluster.entrySet()) {
                String cat = rules.clusterOtherwise();
                for (ComplianceRules.Category c : rules.cluster()) {
                    if (c.when().test(e.getValue())) {
                        cat = c.name();
                        break;
                    }
                }
                clusters.add(new ComplianceSummary.Unit(e.getKey(), e.getKey(), cat, rules.level(cat)));
            }
        }
        return new ComplianceSummary(rules.version(), schools, clusters, counts(rules, schools), counts(rules, clusters));
    }

    private static Map<String, Double> zero(ComplianceRules rules) {
        Map<String, Double> m = new HashMap<>();
        for (String l : rules.levels()) {
            m.put(l, 0.0);
        }
        return m;
    }

    private static List<ComplianceSummary.Count> counts(ComplianceRules rules, List<ComplianceSummary.Unit> units) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (int i = rules.levels().size() - 1; i >= 0; i--) {
            n.put(rules.levels().get(i), 0);
        }
        units.forEach(u -> n.merge(u.category(), 1, Integer::sum));
        List<String> cats = new ArrayList<>(n.keySet());
        int[] counts = n.values().stream().mapToInt(Integer::intValue).toArray();
        int[] rounded = largestRemainder(counts);
        List<ComplianceSummary.Count> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new ComplianceSummary.Count(cats.get(i), counts[i], units.isEmpty() ? Double.NaN : 100.0 * counts[i] / units.size(),
                    rounded[i]));
        }
        return out;
    }

    /**
     * Whole percentages that sum to 100 by the largest-remainder method (each share floored, the
     * remaining points to the largest remainders; ties to the earlier category). Seed 003 Tables 11
     * and 12 print their percentages this way (70/168/184 schools: 16/40/44; 3/10/76 clusters: 3/11/86).
     */
    public static int[] largestRemainder(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] out = new int[counts.length];
        if (total == 0) {
            return out;
        }
        double[] rem = new double[counts.length];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = 100.0 * counts[i] / total;
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            sum += out[i];
        }
        for (int left = 100 - sum; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < rem.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            out[best]++;
            rem[best] = -1;
        }
        return out;
    }
}
