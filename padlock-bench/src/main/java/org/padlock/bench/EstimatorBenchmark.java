package org.padlock.bench;

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
import org.padlock.estimation.mixed.MixedFit;
import org.padlock.estimation.mixed.RandomInterceptModel;
import org.padlock.estimation.ols.WeightedLeastSquares;
import org.padlock.estimation.ols.WlsFit;
import org.padlock.inference.BootstrapWeights;
import org.padlock.inference.Covariance;
import org.padlock.inference.CovarianceSpec;
import org.padlock.inference.Cr2Covariance;
import org.padlock.inference.WildBootstrapResult;
import org.padlock.inference.WildClusterBootstrap;

/**
 * The outcome models in process (no CSV reading) on {@link ClusteredData}: weighted least squares with
 * CR1, CR2 with Satterthwaite df (on a prepared fit), the restricted wild cluster bootstrap with
 * B = 9,999 (on a prepared fit) and the random-intercept model by REML. Defaults: 100,000 pupils, 500
 * schools, 20 covariates. Run: {@code java -jar padlock-bench/target/padlock-bench.jar EstimatorBenchmark}
 * (add {@code -p pupils=1000000 -p schools=5883} for other sizes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EstimatorBenchmark {
    @Param({"100000"})
    public int pupils;

    @Param({"500"})
    public int schools;

    @Param({"20"})
    public int covariates;

    private ClusteredData d;
    private WlsFit fit;

    @Setup
    public void setup() {
        d = ClusteredData.generate(pupils, schools, covariates, 1L);
        fit = WeightedLeastSquares.fit(d.x, d.y, d.w);
    }

    @Benchmark
    public double[][] wlsCr1() {
        WlsFit f = WeightedLeastSquares.fit(d.x, d.y, d.w);
        return Covariance.of(f, new CovarianceSpec.Clustered(d.school, true)).matrix();
    }

    @Benchmark
    public Cr2Covariance cr2() {
        return Cr2Covariance.of(fit, d.school, false);
    }

    @Benchmark
    public WildBootstrapResult wild9999() {
        return WildClusterBootstrap.test(fit, d.school, "treat", 9999, 1L, BootstrapWeights.RADEMACHER);
    }

    @Benchmark
    public MixedFit randomIntercept() {
        return RandomInterceptModel.fit(d.x, d.y, null, d.school, true);
    }
}
