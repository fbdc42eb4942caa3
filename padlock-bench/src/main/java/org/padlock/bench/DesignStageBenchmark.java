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
import org.padlock.design.DesignResult;
import org.padlock.design.DesignStage;
import org.padlock.design.Link;
import org.padlock.design.MatchSpec;
import org.padlock.design.OutcomeBlindView;

/**
 * The design stage (propensity fit, nearest-neighbour matching, balance with pstest's re-fitted
 * summaries) on synthetic data ({@link SyntheticData}), in the issue's two designs: 1:1 without
 * replacement with a 0.2 SD caliper, and 6:1 with replacement with a 0.2 SD caliper.
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

    @Setup
    public void setup() {
        view = OutcomeBlindView.of(SyntheticData.frame(treated, controls, 1L), "id", "treat", SyntheticData.COVARIATES,
                Set.of());
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
