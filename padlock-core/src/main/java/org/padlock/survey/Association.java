package org.padlock.survey;

/**
 * One item tested across all levels of a grouping at once (one test per item instead of one per
 * pair of levels): Pearson chi-square on level x scale point (don't know excluded) and on level x
 * (agree, not agree), with Holm and Benjamini-Hochberg adjustment of the latter over the items.
 *
 * @param levels number of levels with answers
 */
public record Association(String item, String code, int levels, TestResult byAnswer, TestResult byAgree,
                          double byAgreeHolm, double byAgreeBh) {
}
