package org.padlock.design;

/**
 * The data the design stage read have changed since the design was frozen. The analysis stage
 * refuses to run on a stale design unless the user explicitly re-freezes it.
 */
public final class StaleDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleDesignException(String message) {
        super(message);
    }
}
