package org.padlock.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.Hashing;
import org.padlock.data.TableReader;
import org.padlock.data.TableSchema;

/**
 * The validated input tables of a study, read once at the boundary. Every rule of the plan about
 * the data (columns present, numeric where numbers are needed, unique ids, 0/1 treatment, keys
 * that match between tables) is checked here and reported as a {@link DataException}.
 *
 * @param schools  school table
 * @param pupils   pupil table, or {@code null} for a school-level study
 * @param outcomes separate school outcome table, or {@code null}
 * @param hashes   SHA-256 of every input file, by file name
 */
public record StudyInputs(Frame schools, Frame pupils, Frame outcomes, Map<String, String> hashes) {

    /** Reads and validates the plan's tables. */
    public static StudyInputs load(ResolvedPlan rp) {
        StudyPlan p = rp.plan();
        Map<String, String> hashes = new LinkedHashMap<>();
        Set<String> outcomeCols = new HashSet<>();
        for (StudyPlan.Outcome o : p.outcomes()) {
            outcomeCols.add(o.column());
            if (o.panel() != null) {
                var per = PanelTrends.periods(o);
                double post = per.entrySet().stream().filter(e -> e.getValue().equals(o.column())).findFirst().orElseThrow().getKey();
                outcomeCols.addAll(per.tailMap(post, true).values());
            }
        }
        for (String c : org.padlock.data.ModelTerms.columns(p.matching().allTerms())) {
            if (outcomeCols.contains(c)) {
                throw new PlanException(rp.planFile().getFileName() + ": matching.covariates: '" + c
                        + "' is an outcome column; the design stage must not see outcomes");
            }
        }
        // school table
        StudyPlan.Table st = p.data().schools();
        Set<String> schoolText = new HashSet<>(List.of(st.id()));
        schoolText.addAll(p.matching().factors());
        schoolText.addAll(p.matching().exact());
        if (p.cluster() != null) {
            schoolText.add(p.cluster());
        }
        Path schoolPath = rp.resolve(st.file());
        Frame schools = TableReader.read(schoolPath, schoolText);
        hashes.put(schoolPath.getFileName().toString(), Hashing.sha256(schoolPath));
        if (p.data().dfe() != null) {
            schools = DfeStudyData.join(rp, schools, st.id(), hashes);
        }
        List<String> binary = new ArrayList<>(List.of(p.treatment()));
        if (p.pool() != null) {
            binary.add(p.pool());
        }
        List<String> numeric = new ArrayList<>();
        for (String c : org.padlock.data.ModelTerms.columns(p.matching().allTerms())) {
            if (!p.matching().factors().contains(c)) {
                numeric.add(c);
            }
        }
        List<String> present = new ArrayList<>(p.matching().factors());
        present.addAll(p.matching().exact());
        if (p.cluster() != null) {
            present.add(p.cluster());
        }
        for (String c : rp.schoolCovariates()) {
            if (!rp.analysisFactors().contains(c)) {
                numeric.add(c);
            } else {
                present.add(c);
            }
        }
        for (StudyPlan.OnTreatment o : p.onTreatment()) {
            if (!ComplianceStage.provides(rp, o.column())) {
                numeric.add(o.column());
            }
        }
        Frame outcomes = null;
        if (p.data().outcomes() != null) {
            Path op = rp.resolve(p.data().outcomes().file());
            outcomes = TableReader.read(op, Set.of(p.data().outcomes().id()));
            hashes.put(op.getFileName().toString(), Hashing.sha256(op));
        }
        if (!rp.pupilLevel()) {
            for (StudyPlan.Outcome o : p.outcomes()) {
                numeric.add(o.pre());
                if (outcomes == null || !outcomes.has(o.column())) {
                    numeric.add(o.column());
                }
                if (o.panel() != null) {
                    for (String c : o.panel().values()) {
                        if (outcomes == null || !outcomes.has(c)) {
                            numeric.add(c);
                        }
                    }
                }
            }
        }
        new TableSchema(st.id(), binary, dedupe(numeric), dedupe(present)).validate(schools);
        if (outcomes != null) {
            List<String> oNum = new ArrayList<>();
            for (StudyPlan.Outcome o : p.outcomes()) {
                if (outcomes.has(o.column()) || rp.pupilLevel()) {
                    oNum.add(o.column());
                }
                if (o.panel() != null && !rp.pupilLevel()) {
                    o.panel().values().stream().filter(outcomes::has).forEach(oNum::add);
                }
            }
            new TableSchema(p.data().outcomes().id(), List.of(), dedupe(oNum), List.of()).validate(outcomes);
            TableSchema.requireKeys(outcomes, p.data().outcomes().id(), schools, st.id());
        }
        Frame pupils = null;
        if (rp.pupilLevel()) {
            StudyPlan.Table pt = p.data().pupils();
            Set<String> pupilText = new HashSet<>(List.of(pt.id(), pt.school()));
            Path pp = rp.resolve(pt.file());
            pupils = TableReader.read(pp, pupilText);
            hashes.put(pp.getFileName().toString(), Hashing.sha256(pp));
            List<String> pNum = new ArrayList<>();
            List<String> pPresent = new ArrayList<>(List.of(pt.school()));
            for (StudyPlan.Outcome o : p.outcomes()) {
                pNum.add(o.column());
                if (o.subset() != null) {
                    pPresent.add(o.subset().column());
                }
            }
            for (String c : rp.pupilCovariates()) {
                (rp.analysisFactors().contains(c) ? pPresent : pNum).add(c);
            }
            for (StudyPlan.Subgroup s : p.subgroups()) {
                pPresent.add(s.column());
            }
            new TableSchema(pt.id(), List.of(), dedupe(pNum), dedupe(pPresent)).validate(pupils);
            TableSchema.requireKeys(pupils, pt.school(), schools, st.id());
        }
        schools = ComplianceStage.augment(rp, schools, hashes);
        return new StudyInputs(schools, pupils, outcomes, hashes);
    }

    private static List<String> dedupe(List<String> v) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(v));
    }
}
