package org.padlock.data;

/** What a model does with a missing covariate value. */
public enum MissingPolicy {
    /** Drop the row (complete cases). */
    DROP,
    /**
     * The indicator method (seed 000): a missing numeric value is set to 0 and a 0/1 flag
     * {@code <column>_missing} is added; a missing factor value becomes its own level {@code missing}.
     */
    INDICATOR
}
