/**
 * The bundled demo studies that {@code padlock demo} runs end to end without any input.
 *
 * <ul>
 *   <li>{@link org.padlock.demo.PupilMatchedDemo}: a pupil-level propensity-matched comparison after
 *       seed 000 (Achieve Together). All data simulated; school covariates calibrated to 000 Table 4,
 *       NPQSL participants to Table 2, the intra-class correlation to Table 3, the true effects near
 *       Tables 6 and 8, the cost inputs to Tables 12, 12a, 13, 15 and 16.</li>
 *   <li>{@link org.padlock.demo.SchoolDidDemo}: a school-level matched difference-in-differences after
 *       seed 003 (Schools Partnership Programme). Real Department for Education school data for
 *       England (Open Government Licence v3.0, bundled under {@code org/padlock/demo/dfe/} with its
 *       attribution) with a simulated programme: partnerships calibrated to 003's recruitment (85
 *       clusters, about 430 schools, 25 local authorities), compliance to Tables 3, 11 and 12, surveys
 *       to Table 25, and a known effect added to the real 2018 results of treated schools.</li>
 * </ul>
 *
 * <p>Both generators are deterministic: a seed gives byte-identical files on every platform and Java
 * release (SplitMix64 bits from {@link java.util.SplittableRandom}, distributions and
 * {@link java.lang.StrictMath} functions of their own, fixed decimals, no locale, a defined order).
 * Each writes a commented {@code study.yaml} that states the true effects.
 */
package org.padlock.demo;
