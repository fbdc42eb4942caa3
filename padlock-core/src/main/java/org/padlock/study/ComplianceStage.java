package org.padlock.study;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.padlock.data.Frame;
import org.padlock.data.Hashing;
import org.padlock.data.NumericColumn;
import org.padlock.data.TableReader;
import org.padlock.data.TableSchema;
import org.padlock.data.TextColumn;
import org.padlock.eef.Compliance;
import org.padlock.eef.ComplianceRules;
import org.padlock.eef.ComplianceSummary;
import org.padlock.eef.RuleTables;

/**
 * Compliance in a study (seed 003 Table 3): reads the plan's compliance records, classifies the
 * treated schools and their clusters by the rule set, and adds two school-table columns,
 * {@value #SCHOOL_LEVEL} and {@value #CLUSTER_LEVEL}, holding the category's level (0 = least
 * compliant; missing for schools without a record). An {@code on_treatment} entry on one of these
 * columns with {@code min: 1} or {@code 2} runs the primary analysis on treated schools (or schools
 * in clusters) at least minimally or fully compliant, with the comparison schools.
 */
final class ComplianceStage {
    /** Level of each school's own compliance category. */
    static final String SCHOOL_LEVEL = "compliance_school";
    /** Level of the compliance category of each school's cluster. */
    static final String CLUSTER_LEVEL = "compliance_cluster";

    private ComplianceStage() {
    }

    /** Whether a column is one this stage adds (so plan validation does not look for it in the school file). */
    static boolean provides(ResolvedPlan rp, String column) {
        return compliance(rp) != null && (column.equals(SCHOOL_LEVEL) || column.equals(CLUSTER_LEVEL));
    }

    private static EvaluationPlan.ComplianceInput compliance(ResolvedPlan rp) {
        return rp.plan().evaluation() == null ? null : rp.plan().evaluation().compliance();
    }

    /** Classifies the plan's compliance records, or returns {@code null} when the plan has none. */
    static ComplianceSummary classify(ResolvedPlan rp, Frame schools, Map<String, String> hashes) {
        EvaluationPlan.ComplianceInput c = compliance(rp);
        if (c == null) {
            return null;
        }
        ComplianceRules rules;
        if (c.rules() == null) {
            rules = RuleTables.compliance();
        } else {
            try {
                rules = RuleTables.read(rp.resolve(c.rules()), ComplianceRules.class);
            } catch (IllegalArgumentException e) {
                throw new PlanException(rp.planFile().getFileName() + ": evaluation.compliance.rules: " + e.getMessage());
            }
        }
        Path file = rp.resolve(c.file());
        Frame records = TableReader.read(file, Set.of(c.id()));
        if (hashes != null) {
            hashes.put(file.getFileName().toString(), Hashing.sha256(file));
        }
        String sid = rp.plan().data().schools().id();
        new TableSchema(c.id(), java.util.List.of(), java.util.List.of(), java.util.List.of()).validate(records);
        TableSchema.requireKeys(records, c.id(), schools, sid);
        Map<String, String> clusterOf = null;
        if (rp.plan().cluster() != null) {
            clusterOf = new HashMap<>();
            TextColumn ids = schools.text(sid);
            TextColumn cl = schools.text(rp.plan().cluster());
            for (int i = 0; i < ids.size(); i++) {
                clusterOf.put(ids.get(i), cl.get(i));
            }
        }
        return Compliance.classify(rules, records, c.id(), clusterOf);
    }

    /** The school table with the two level columns added (unchanged when the plan has no compliance records). */
    static Frame augment(ResolvedPlan rp, Frame schools, Map<String, String> hashes) {
        ComplianceSummary s = classify(rp, schools, hashes);
        if (s == null) {
            return schools;
        }
        Map<String, Integer> school = new HashMap<>();
        Map<String, Integer> cluster = new HashMap<>();
        s.schools().forEach(u -> school.put(u.id(), u.level()));
        s.clusters().forEach(u -> cluster.put(u.id(), u.level()));
        TextColumn ids = schools.text(rp.plan().data().schools().id());
        TextColumn cl = rp.plan().cluster() == null ? null : schools.text(rp.plan().cluster());
        double[] a = new double[ids.size()];
        double[] b = new double[ids.size()];
        for (int i = 0; i < a.length; i++) {
            Integer l = school.get(ids.get(i));
            a[i] = l == null ? Double.NaN : l;
            Integer k = l == null || cl == null ? null : cluster.get(cl.get(i));
            b[i] = k == null ? Double.NaN : k;
        }
        return schools.with(new NumericColumn(SCHOOL_LEVEL, a)).with(new NumericColumn(CLUSTER_LEVEL, b));
    }
}
