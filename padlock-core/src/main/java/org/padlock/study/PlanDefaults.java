package org.padlock.study;

/**
 * The defaults of every optional plan key, in one place: the plan loader, {@code padlock init}'s
 * template and the documentation all follow these. Matching defaults are MatchIt 4.7's.
 */
public final class PlanDefaults {
    public static final String PS_MODEL = "logit";
    public static final String DISTANCE = "ps";
    public static final int RATIO = 1;
    public static final String CALIPER_SCALE = "sd";
    public static final String DISCARD = "none";
    public static final String ORDER = "largest";
    public static final String WEIGHTS = "matchit";
    public static final String METHOD = "nearest";
    public static final String KERNEL = "epanechnikov";
    public static final String MISSING = "indicator";
    public static final String SE = "cr1";
    /** Draws of the wild cluster bootstrap ({@code analysis.bootstrap_reps}). */
    public static final int BOOTSTRAP_REPS = 9999;
    /** Weights of the wild cluster bootstrap ({@code analysis.bootstrap_weights}). */
    public static final String BOOTSTRAP_WEIGHTS = "rademacher";
    public static final int SMALL_CELL = 10;
    public static final long SEED = 20260101L;

    private PlanDefaults() {
    }
}
