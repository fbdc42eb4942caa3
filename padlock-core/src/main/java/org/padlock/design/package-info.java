/**
 * The outcome-blind design stage: propensity models, nearest-neighbour matching and the frozen
 * design. Everything here receives an {@link org.padlock.design.OutcomeBlindView}, a projection of
 * the data that physically lacks outcome columns, so a matched comparison group cannot depend on
 * outcomes.
 */
package org.padlock.design;
