/**
 * Random-intercept linear mixed models (pupils in schools) by REML and ML, profiled over the
 * one variance ratio from per-school sufficient statistics, matching {@code lme4::lmer}.
 */
package org.padlock.estimation.mixed;
