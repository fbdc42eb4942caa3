package org.padlock.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.ModelMatrix;
import org.padlock.data.ModelMatrixBuilder;
import org.padlock.design.BinaryRegression;
import org.padlock.design.DesignResult;
import org.padlock.design.DesignStage;
import org.padlock.design.Link;
import org.padlock.design.MatchSpec;
import org.padlock.design.MatchedSample;
import org.padlock.design.NearestNeighbourMatcher;
import org.padlock.design.OutcomeBlindView;

/**
 * The design stage (propensity fit, nearest-neighbour matching, balance with pstest's re-fitted
 * summaries) on synthetic data ({@link SyntheticData}), in the issue's two designs: 1:1 without
 * replacement with a 0.2 SD caliper, and 6:1 with replacement with a 0.2 SD caliper; and, for the
 * issue's "propensity fit plus matching alone", the logit fit on a built model matrix followed by the
 * matching ({@code fitAndMatch*}).
 * Run: {@code java -cp "padlock-bench/target/padlock-bench.jar:padlock-bench/target/lib/*" org.openjdk.jmh.Main DesignStageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class DesignStageBenchmark {
    @Param({"1000"})
    public int treated;

    @Param({"100000"})
    public int controls;

    private OutcomeBlindView view;
    private ModelMatrix x;
    private double[] y;
    private int[] treat;
    private List<String> ids;
    private String[] strata;

    @Setup
    public void setup() {
        Frame f = SyntheticData.frame(treated, controls, 1L);
        view = OutcomeBlindView.of(f, "id", "treat", SyntheticData.COVARIATES, Set.of());
        x = ModelMatrixBuilder.build(f, ModelMatrixBuilder.allRows(f), SyntheticData.COVARIATES, Set.of("f"),
                MissingPolicy.DROP, true, true);
        y = f.numeric("treat").values();
        treat = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            treat[i] = (int) y[i];
        }
        ids = List.of(f.text("id").values());
        strata = new String[y.length];
        java.util.Arrays.fill(strata, "");
    }

    private MatchedSample fitAndMatch(MatchSpec spec) {
        double[] p = BinaryRegression.fit(x, y, Link.LOGIT).fitted();
        return NearestNeighbourMatcher.match(ids, treat, p, p, strata, null, spec);
    }

    @Benchmark
    public MatchedSample fitAndMatchOneToOne() {
        return fitAndMatch(spec(1, false));
    }

    @Benchmark
    public MatchedSample fitAndMatchSixToOne() {
        return fitAndMatch(spec(6, true));
    }

    private static MatchSpec spec(int ratio, boolean replace) {
        return new MatchSpec(SyntheticData.COVARIATES, List.of("f"), List.of(), Link.LOGIT, MatchSpec.Distance.PS, ratio,
                replace, 0.2, MatchSpec.CaliperScale.SD, MatchSpec.Discard.NONE, MatchSpec.Order.LARGEST, 0L,
                MatchSpec.WeightConvention.MATCHIT);
    }

    @Benchmark
    public DesignResult oneToOneCaliper() {
        return DesignStage.run(view, spec(1, false), null);
    }

    @Benchmark
    public DesignResult sixToOneReplaceCaliper() {
        return DesignStage.run(view, spec(6, true), null);
    }
}
