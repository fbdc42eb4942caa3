/**
 * Minimum detectable effect sizes by the PowerUp! formulas (Dong and Maynard 2013, "PowerUp!: A tool
 * for calculating minimum detectable effect sizes and minimum required sample sizes", Journal of
 * Research on Educational Effectiveness 6(1); R package PowerUpR 1.1.0, functions {@code mdes.cra2},
 * {@code mdes.ira}, {@code mdes.bira2r1}).
 */
package org.padlock.power;
