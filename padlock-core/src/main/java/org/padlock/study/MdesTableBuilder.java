package org.padlock.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.Frame;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.power.Icc;
import org.padlock.power.Mdes;
import org.padlock.power.MdesResult;
import org.padlock.power.TestSettings;

/**
 * The three-stage MDES table of seed 000 Table 3. Protocol: the plan's assumptions. Recruited (the
 * eligible pool: treated schools and the comparison pool) and analysis (the matched schools):
 * schools and pupils with the primary outcome observed; the ICC of the primary outcome by the one-way ANOVA estimator ({@link Icc}; lme4's REML
 * estimate is not used here) and R2, the share of its variance explained by the outcome model's
 * covariates (OLS without treatment), both estimated from the data; R2 is used at both levels and
 * the pre-post correlation shown is its square root. g = the number of school covariates of the
 * outcome model. A school-level study uses PowerUp!'s individual-assignment formula ({@code ira1})
 * with schools as units.
 */
final class MdesTableBuilder {
    private MdesTableBuilder() {
    }

    static List<MdesStage> build(ResolvedPlan rp, StudyInputs in, TestSettings test, Set<String> recruited, Set<String> analysed) {
        List<MdesStage> out = new ArrayList<>();
        EvaluationPlan ev = rp.plan().evaluation();
        if (ev != null && ev.protocol() != null) {
            out.add(protocol(ev.protocol(), test));
        }
        out.add(stage(rp, in, test, "recruited", recruited));
        out.add(stage(rp, in, test, "analysis", analysed));
        return out;
    }

    private static MdesStage protocol(EvaluationPlan.Protocol p, TestSettings test) {
        int j = p.schoolsIntervention() + p.schoolsControl();
        double r = p.prePostCorrelation() == null ? 0 : p.prePostCorrelation();
        int g = p.level2Covariates() == null ? 1 : p.level2Covariates();
        int pupils1 = (int) Math.round(p.schoolsIntervention() * p.pupilsPerSchool());
        int pupils0 = (int) Math.round(p.schoolsControl() * p.pupilsPerSchool());
        try {
            MdesResult m = Mdes.cra2(p.icc(), p.pupilsPerSchool(), j, p.schoolsIntervention() / (double) j, r * r, r * r, g, test);
            return new MdesStage("protocol", p.schoolsIntervention(), p.schoolsControl(), pupils1, pupils0, r, p.icc(),
                    test.power(), test.alpha(), m.mdes(), m.multiplier(), m.df(), "cra2", g, "protocol assumptions (plan)");
        } catch (IllegalArgumentException e) {
            return failed("protocol", p.schoolsIntervention(), p.schoolsControl(), pupils1, pupils0, r, p.icc(), test, "cra2", g,
                    e.getMessage());
        }
    }

    private static MdesStage stage(ResolvedPlan rp, StudyInputs in, TestSettings test, String name, Set<String> schools) {
        StudyPlan p = rp.plan();
        StudyPlan.Outcome primary = p.outcomes().stream().filter(o -> "primary".equals(o.role())).findFirst().orElseThrow();
        TextColumn sid = in.schools().text(p.data().schools().id());
        NumericColumn t = in.schools().numeric(p.treatment());
        Map<String, Integer> schoolRow = new HashMap<>();
        for (int i = 0; i < sid.size(); i++) {
            schoolRow.put(sid.get(i), i);
        }
        int g = rp.schoolCovariates().size();
        Frame f;
        String[] group;
        if (rp.pupilLevel()) {
            TextColumn ps = in.pupils().text(p.data().pupils().school());
            TextColumn sub = primary.subset() == null ? null : in.pupils().text(primary.subset().column());
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                if (schools.contains(ps.get(i)) && (sub == null || primary.subset().value().equals(sub.get(i)))) {
                    keep.add(i);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            f = in.pupils().select(rows);
            int[] map = new int[rows.length];
            group = new String[rows.length];
            for (int k = 0; k < rows.length; k++) {
                group[k] = ps.get(rows[k]);
                map[k] = schoolRow.get(group[k]);
            }
            for (String c : rp.schoolCovariates()) {
                if (!f.has(c)) {
                    f = f.with(in.schools().column(c).select(map));
                }
            }
            f = f.with(new NumericColumn("__treated", t.select(map).values()));
        } else {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < sid.size(); i++) {
                if (schools.contains(sid.get(i))) {
                    keep.add(i);
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            f = in.schools().select(rows);
            group = f.text(p.data().schools().id()).values();
            if (!f.has(primary.column())) {
                f = f.with(joinOutcome(rp, in, primary.column(), group));
            }
            f = f.with(new NumericColumn("__treated", t.select(rows).values()));
        }
        double[] y = f.numeric(primary.column()).values();
        NumericColumn tr = f.numeric("__treated");
        Set<String> s1 = new HashSet<>();
        Set<String> s0 = new HashSet<>();
        int n1 = 0;
        int n0 = 0;
        List<Integer> observed = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            observed.add(i);
            if (tr.get(i) == 1) {
                s1.add(group[i]);
                n1++;
            } else {
                s0.add(group[i]);
                n0++;
            }
        }
        List<String> covs = new ArrayList<>(rp.pupilLevel() ? rp.pupilCovariates() : List.of());
        if (!rp.pupilLevel()) {
            covs.add(primary.pre());
        }
        covs.addAll(rp.schoolCovariates());
        int[] obs = observed.stream().mapToInt(Integer::intValue).toArray();
        double r2 = rSquared(f, y, obs, covs, rp);
        double r = Math.sqrt(Math.max(0, r2));
        int j = s1.size() + s0.size();
        String note = name.equals("recruited") ? "treated schools and the comparison pool" : "matched schools analysed";
        if (!rp.pupilLevel()) {
            int gi = covs.size();
            try {
                MdesResult m = Mdes.ira1(j, s1.size() / (double) j, Math.max(0, r2), gi, test);
                return new MdesStage(name, s1.size(), s0.size(), -1, -1, r, Double.NaN, test.power(), test.alpha(), m.mdes(),
                        m.multiplier(), m.df(), "ira1", gi, note + "; schools as units, R2 of the outcome on "
                        + String.join(", ", covs));
            } catch (IllegalArgumentException e) {
                return failed(name, s1.size(), s0.size(), -1, -1, r, Double.NaN, test, "ira1", gi, e.getMessage());
            }
        }
        double[] yo = new double[obs.length];
        String[] go = new String[obs.length];
        for (int k = 0; k < obs.length; k++) {
            yo[k] = y[obs[k]];
            go[k] = group[obs[k]];
        }
        double icc = Icc.oneWayAnova(yo, go);
        try {
            MdesResult m = Mdes.cra2(Math.max(0, icc), (n1 + n0) / (double) j, j, s1.size() / (double) j, Math.max(0, r2),
                    Math.max(0, r2), g, test);
            return new MdesStage(name, s1.size(), s0.size(), n1, n0, r, icc, test.power(), test.alpha(), m.mdes(),
                    m.multiplier(), m.df(), "cra2", g, note + "; ICC (one-way ANOVA) and R2 estimated from the primary outcome");
        } catch (IllegalArgumentException e) {
            return failed(name, s1.size(), s0.size(), n1, n0, r, icc, test, "cra2", g, e.getMessage());
        }
    }

    private static MdesStage failed(String name, int s1, int s0, int p1, int p0, double r, double icc, TestSettings test,
                                    String formula, int g, String why) {
        return new MdesStage(name, s1, s0, p1, p0, r, icc, test.power(), test.alpha(), Double.NaN, Double.NaN, Double.NaN,
                formula, g, "MDES not computed: " + why);
    }

    /** R2 of OLS of y on the covariates (intercept included) over the given rows; NaN when it cannot be fitted. */
    private static double rSquared(Frame f, double[] y, int[] rows, List<String> covs, ResolvedPlan rp) {
        if (rows.length < 3) {
            return Double.NaN;
        }
        ModelMatrix x = ModelMatrixBuilder.build(f, rows, covs, new HashSet<>(rp.analysisFactors()), rp.missing(), true, true);
        int[] xr = x.rows();
        double[] yv = new double[xr.length];
        double[] w = new double[xr.length];
        double mean = 0;
        for (int k = 0; k < xr.length; k++) {
            yv[k] = y[xr[k]];
            w[k] = 1;
            mean += yv[k];
        }
        mean /= xr.length;
        double sst = 0;
        for (double v : yv) {
            sst += (v - mean) * (v - mean);
        }
        if (!(sst > 0) || xr.length <= x.termCount()) {
            return Double.NaN;
        }
        WlsFit fit = WeightedLeastSquares.fit(x, yv, w);
        return 1 - fit.weightedSsr() / sst;
    }

    private static NumericColumn joinOutcome(ResolvedPlan rp, StudyInputs in, String column, String[] ids) {
        Map<String, Integer> orow = new HashMap<>();
        TextColumn oid = in.outcomes().text(rp.plan().data().outcomes().id());
        for (int i = 0; i < oid.size(); i++) {
            orow.put(oid.get(i), i);
        }
        NumericColumn src = in.outcomes().numeric(column);
        double[] v = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Integer r = orow.get(ids[i]);
            v[i] = r == null ? Double.NaN : src.get(r);
        }
        return new NumericColumn(column, v);
    }
}
