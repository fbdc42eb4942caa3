package org.padlock.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.padlock.Version;
import org.padlock.data.Store;
import org.padlock.design.DesignResult;
import org.padlock.design.DesignStage;
import org.padlock.design.FrozenDesign;
import org.padlock.design.MatchSpec;
import org.padlock.design.MatchedSample;
import org.padlock.design.OutcomeBlindView;
import org.padlock.design.SearchResult;
import org.padlock.design.SpecificationSearch;
import org.padlock.design.StaleDesignException;
import org.padlock.eef.CostModel;
import org.padlock.eef.CostResult;

/**
 * Runs a study plan end to end: validate the plan and the data, run the outcome-blind design
 * stage, freeze the design (or check the frozen one), run the analysis stage on the frozen
 * design, compute the evaluation layer and build the report model. Nothing is written before all
 * inputs have been validated.
 */
public final class StudyRunner {
    /** File name of the frozen design inside the output folder. */
    public static final String FROZEN_DESIGN = "frozen-design.json";

    private StudyRunner() {
    }

    /**
     * @param outDir   output folder (frozen design, DuckDB store; the caller renders the rest)
     * @param refreeze replace an existing frozen design whose inputs changed
     * @param progress receives one line per step
     */
    public record Options(Path outDir, boolean refreeze, Consumer<String> progress) {
    }

    /** Loads and checks a plan and its data without running anything; returns the inputs. */
    public static StudyInputs validate(Path planFile) {
        ResolvedPlan rp = ResolvedPlan.of(PlanLoader.load(planFile), planFile);
        EvaluationLayer.validate(rp);
        StudyInputs in = StudyInputs.load(rp);
        SurveySections.check(rp, in);
        designView(rp, in);
        return in;
    }

    public static StudyResult run(Path planFile, Options opt) {
        Consumer<String> say = opt.progress();
        say.accept("reading plan " + planFile.getFileName());
        ResolvedPlan rp = ResolvedPlan.of(PlanLoader.load(planFile), planFile);
        EvaluationLayer.validate(rp);
        say.accept("reading and validating data");
        StudyInputs in = StudyInputs.load(rp);
        SurveySections.check(rp, in);
        if (rp.plan().cost() != null) {
            try {
                CostModel.compute(rp.plan().cost(), "school");
            } catch (IllegalArgumentException e) {
                throw new PlanException(planFile.getFileName() + ": " + e.getMessage());
            }
        }
        OutcomeBlindView view = designView(rp, in);
        say.accept("design stage: propensity model and matching (" + view.rowCount() + " schools, outcome-blind)");
        SearchResult search = null;
        DesignResult design;
        if (rp.plan().matching().search() != null) {
            List<MatchSpec> candidates = SearchPlan.candidates(rp);
            say.accept("specification search: " + candidates.size() + " candidates (outcome-blind)");
            search = SpecificationSearch.run(view, candidates, rp.plan().matching().search().keyVariables(),
                    rp.plan().cluster());
            design = search.design();
            say.accept("specification search chose candidate " + search.chosen() + ": "
                    + search.candidates().get(search.chosen()).describe());
        } else {
            design = DesignStage.run(view, rp.match(), rp.plan().cluster());
        }
        String contentHash = view.contentHash();
        Map<String, Object> specMap = specification(design.spec(), rp.plan().cluster());
        Path frozenPath = opt.outDir().resolve(FROZEN_DESIGN);
        FrozenDesign frozen = freeze(rp, design, contentHash, specMap, in, frozenPath, opt.refreeze(), say);
        say.accept("analysis stage on the frozen design (frozen at " + frozen.frozenAt() + ")");
        List<AnalysisRow> rows = AnalysisStage.run(rp, in, frozen, say);
        List<PanelTrends.Panel> panels = PanelTrends.run(rp, in, frozen, say);
        List<CostResult> costs = new ArrayList<>();
        if (rp.plan().cost() != null) {
            costs.add(CostModel.compute(rp.plan().cost(), "school"));
            costs.add(CostModel.compute(rp.plan().cost(), "school+government"));
        }
        say.accept("writing DuckDB store");
        writeStore(opt.outDir(), in, design, rp.pupilLevel() ? rp.plan().data().pupils().id() : null);
        say.accept("evaluation layer: flow, attrition, MDES, padlocks" + (rp.plan().evaluation() != null
                && rp.plan().evaluation().compliance() != null ? ", compliance" : ""));
        Evaluation ev = EvaluationLayer.run(rp, in, design, frozen, rows);
        // the surveys' comparison populations follow the matched sample: loaded once for results.json and the report
        SurveySections.Loaded surveys = rp.plan().surveys() == null ? null : SurveySections.load(rp, in, design.sample());
        Map<String, Object> results = ResultsBuilder.results(rp, in, design, frozen, rows, costs, surveys);
        Evaluation evDisclosed = EvaluationResults.disclosed(ev, rp.smallCell());
        results.put("evaluation", evDisclosed);
        if (!panels.isEmpty()) {
            results.put("panels", PanelTrends.json(panels));
        }
        Map<String, Object> manifest = new TreeMap<>();
        manifest.put("padlock_version", Version.VERSION);
        manifest.put("frozen_at", frozen.frozenAt());
        manifest.put("run_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        manifest.put("java_version", System.getProperty("java.version"));
        manifest.put("plan", planFile.getFileName().toString());
        manifest.put("inputs", in.hashes());
        var report = PanelTrends.withPanels(ReportBuilder.build(rp, in, design, frozen, rows, costs, ev, surveys), panels, rp);
        var tables = EvaluationResults.withTables(ResultsBuilder.tables(rp, design, rows), evDisclosed);
        if (search != null) {
            results.put("specification_search", search.toJson());
            report = SearchTables.withSearch(report, search);
            tables.put("specification_search.csv", SearchTables.csv(search));
        }
        return new StudyResult(rp, design, frozen, rows, costs, results, manifest, report.disclosed(), tables);
    }

    /** The design stage's view: pool schools and treated schools, design columns only. */
    static OutcomeBlindView designView(ResolvedPlan rp, StudyInputs in) {
        StudyPlan p = rp.plan();
        var schools = in.schools();
        if (p.pool() != null) {
            var pool = schools.numeric(p.pool());
            var t = schools.numeric(p.treatment());
            schools = schools.select(java.util.stream.IntStream.range(0, schools.rowCount())
                    .filter(i -> pool.get(i) == 1 || t.get(i) == 1).toArray());
        }
        List<String> design = new ArrayList<>(org.padlock.data.ModelTerms.columns(p.matching().allTerms()));
        design.addAll(p.matching().exact());
        if (p.cluster() != null) {
            design.add(p.cluster());
        }
        if (p.matching().search() != null) {
            design.addAll(SearchPlan.designColumns(rp, schools));
        }
        Set<String> outcomes = new HashSet<>();
        for (StudyPlan.Outcome o : p.outcomes()) {
            outcomes.add(o.column());
        }
        try {
            return OutcomeBlindView.of(schools, p.data().schools().id(), p.treatment(), design, outcomes);
        } catch (IllegalArgumentException e) {
            throw new PlanException(rp.planFile().getFileName() + ": " + e.getMessage());
        }
    }

    private static FrozenDesign freeze(ResolvedPlan rp, DesignResult design, String contentHash, Map<String, Object> spec,
                                       StudyInputs in, Path frozenPath, boolean refreeze, Consumer<String> say) {
        if (Files.exists(frozenPath) && !refreeze) {
            FrozenDesign old = FrozenDesign.read(frozenPath);
            if (!old.designContentSha256().equals(contentHash)) {
                throw new StaleDesignException("the design inputs have changed since the design was frozen at "
                        + old.frozenAt() + " (design columns SHA-256 " + abbreviate(old.designContentSha256()) + " then, "
                        + abbreviate(contentHash) + " now; files then: " + old.inputFiles() + "). The analysis stage will not"
                        + " run on a stale design; re-run with --refreeze to match again, or restore the original data");
            }
            if (!org.padlock.data.Json.write(new TreeMap<>(spec)).equals(org.padlock.data.Json.write(old.specification()))) {
                throw new StaleDesignException("the matching specification differs from the one frozen at " + old.frozenAt()
                        + "; re-run with --refreeze to freeze the new specification");
            }
            say.accept("using the design frozen at " + old.frozenAt() + " (inputs unchanged)");
            return old;
        }
        MatchedSample m = design.sample();
        List<FrozenDesign.Unit> units = new ArrayList<>();
        double[] w = m.weight();
        double[] ps = m.pscore();
        int[] t = m.treated();
        String[] sub = m.subclass();
        String[] cl = m.cluster();
        for (int i = 0; i < m.size(); i++) {
            if (w[i] > 0) {
                units.add(new FrozenDesign.Unit(m.ids().get(i), t[i], ps[i], w[i], sub[i], cl[i]));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(rp.resolve(rp.plan().data().schools().file()).getFileName().toString(),
                in.hashes().get(rp.resolve(rp.plan().data().schools().file()).getFileName().toString()));
        FrozenDesign f = new FrozenDesign(rp.plan().name(), spec, units, files, contentHash, Version.VERSION,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        f.write(frozenPath);
        say.accept("design frozen: " + frozenPath);
        // read back: the analysis stage works from the frozen file, not from memory
        return FrozenDesign.read(frozenPath);
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }

    /** The matching specification as plain values (recorded in the frozen design and the results). */
    static Map<String, Object> specification(MatchSpec s, String cluster) {
        Map<String, Object> m = new TreeMap<>();
        m.put("covariates", s.covariates());
        m.put("factors", s.factors());
        m.put("exact", s.exact());
        m.put("ps_model", s.link().name().toLowerCase(java.util.Locale.ROOT));
        m.put("distance", s.distance().label());
        m.put("ratio", s.ratio());
        m.put("replace", s.replace());
        m.put("caliper", Double.isNaN(s.caliper()) ? null : s.caliper());
        m.put("caliper_scale", s.caliperScale().name().toLowerCase(java.util.Locale.ROOT));
        m.put("discard", s.discard().name().toLowerCase(java.util.Locale.ROOT));
        m.put("order", s.order().name().toLowerCase(java.util.Locale.ROOT));
        m.put("weights", s.weights().name().toLowerCase(java.util.Locale.ROOT));
        m.put("seed", s.seed());
        m.put("cluster", cluster);
        // method options, recorded only when used (older frozen designs stay identical)
        if (s.method() != MatchSpec.Method.NEAREST) {
            m.put("method", s.method().name().toLowerCase(java.util.Locale.ROOT));
            m.put("kernel", s.kernel().name().toLowerCase(java.util.Locale.ROOT));
            m.put("bandwidth", s.bandwidth());
        }
        if (!s.mahvars().isEmpty()) {
            m.put("mahvars", s.mahvars());
        }
        if (s.ties()) {
            m.put("ties", true);
        }
        if (s.maxReuse() > 0) {
            m.put("max_reuse", s.maxReuse());
        }
        return m;
    }

    private static void writeStore(Path outDir, StudyInputs in, DesignResult design, String pupilId) {
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Store store = Store.create(outDir.resolve("padlock.duckdb"))) {
            store.write("schools", in.schools());
            if (in.outcomes() != null) {
                store.write("school_outcomes", in.outcomes());
            }
            if (in.pupils() != null) {
                // pupil identifiers never leave the input files: the stored copy drops them
                var keep = new ArrayList<>(in.pupils().names());
                keep.remove(pupilId);
                store.write("pupils", in.pupils().project(keep));
            }
            store.write("matched_sample", ResultsBuilder.matchedFrame(design.sample()));
            store.commit();
        }
    }
}
