/**
 * Process-evaluation survey analysis (DOMAIN.md s. 8; seed 003 Tables 25, 26 and 33): instruments
 * described as data, item summaries (% agree, % disagree, % don't know, mean rating), comparisons
 * between instruments and groups by Student's t-test, Pearson chi-square, Fisher's exact test and
 * the two-proportion test, multiple-comparison control (Holm, Benjamini-Hochberg) and
 * cross-tabulations with small-cell suppression.
 */
package org.padlock.survey;
