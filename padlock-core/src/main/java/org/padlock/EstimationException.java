package org.padlock;

import java.util.List;

/**
 * A statistic could not be estimated from valid data (no overlap, nothing matched, no treated
 * unit, a singular design that leaves the treatment unidentified). Maps to exit code 4; carries
 * the diagnostics found so far and what the user could try.
 */
public final class EstimationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> diagnostics;

    public EstimationException(String message, List<String> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<String> diagnostics() {
        return diagnostics;
    }
}
