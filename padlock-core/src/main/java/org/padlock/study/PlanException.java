package org.padlock.study;

/** A study plan that cannot be run as written: names the plan file, the key and the rule. Exit code 2. */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
