/**
 * A placebo Monte Carlo of the school-level matched difference-in-differences on real national data:
 * pseudo-treated schools are drawn in partnerships with selection on observables, matched, and the
 * difference-in-differences estimated; there is no true effect, so each inference method's rejection
 * rate at 5% estimates its size. Inference methods are pluggable ({@link org.padlock.evaluation.placebo.InferenceMethod}).
 */
package org.padlock.evaluation.placebo;
