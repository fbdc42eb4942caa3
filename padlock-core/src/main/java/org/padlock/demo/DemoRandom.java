package org.padlock.demo;

import java.util.SplittableRandom;

/**
 * The demo generators' random numbers: {@link SplittableRandom} for the bits, and every
 * distribution built here from {@link SplittableRandom#nextLong()} alone, so that a seed gives the
 * same files on every Java release (the JDK's own {@code nextGaussian} and bounded-integer
 * algorithms are not specified and have changed between releases); transcendental functions are
 * {@link StrictMath}'s, which are the same on every platform.
 */
final class DemoRandom {
    private static final double TWO_PI = 2 * Math.PI;
    private final SplittableRandom bits;
    private double spareGaussian = Double.NaN;

    DemoRandom(long seed) {
        this.bits = new SplittableRandom(seed);
    }

    private DemoRandom(SplittableRandom bits) {
        this.bits = bits;
    }

    /** An independent stream, so that one part of a generator can change without moving the others. */
    DemoRandom split() {
        return new DemoRandom(bits.split());
    }

    /** Uniform on [0, 1), 53 random bits. */
    double uniform() {
        return (bits.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on (0, 1]: safe under a logarithm. */
    private double uniformOpen() {
        return 1.0 - uniform();
    }

    /** Uniform on [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Uniform integer in [0, n). */
    int below(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0; found " + n);
        }
        return (int) Math.min(n - 1, Math.floor(uniform() * n));
    }

    boolean bernoulli(double p) {
        return uniform() < p;
    }

    /** Standard normal (Box-Muller, both variates used in turn). */
    double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double r = Math.sqrt(-2 * StrictMath.log(uniformOpen()));
        double theta = TWO_PI * uniform();
        spareGaussian = r * StrictMath.sin(theta);
        return r * StrictMath.cos(theta);
    }

    double normal(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** Gamma(shape, scale 1) by Marsaglia and Tsang (2000), with the shape-boost for shape below 1. */
    double gamma(double shape) {
        if (!(shape > 0)) {
            throw new IllegalArgumentException("shape must be > 0; found " + shape);
        }
        if (shape < 1) {
            return gamma(shape + 1) * StrictMath.pow(uniformOpen(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniformOpen();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    /** Poisson(mean): multiplication of uniforms up to 40, normal approximation (continuity-corrected) above. */
    int poisson(double mean) {
        if (!(mean >= 0)) {
            throw new IllegalArgumentException("mean must be >= 0; found " + mean);
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.floor(mean + Math.sqrt(mean) * gaussian() + 0.5));
        }
        double limit = StrictMath.exp(-mean), p = 1;
        int k = -1;
        do {
            k++;
            p *= uniform();
        } while (p > limit);
        return k;
    }

    /** Index drawn with probability proportional to {@code weights} (non-negative, not all zero). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum; found " + total);
        }
        double target = uniform() * total, run = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                run += weights[i];
                last = i;
                if (target < run) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = below(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
