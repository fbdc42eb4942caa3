package org.padlock.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.padlock.data.Frame;
import org.padlock.data.MissingPolicy;
import org.padlock.data.TextColumn;

/**
 * Small helpers shared by the commands: option checks with the messages of docs/CLI.md (an
 * {@link IllegalArgumentException} is a usage error, exit 2, via {@link Main#handle}), the column
 * lists of a table's schema, and the JSON of a coefficient test.
 */
final class Cli {
    private Cli() {
    }

    /** The usage error "OPTION must be a, b or c; found VALUE". */
    static IllegalArgumentException badChoice(String option, String value, String... allowed) {
        String list = allowed.length == 1 ? allowed[0]
                : String.join(", ", List.of(allowed).subList(0, allowed.length - 1)) + " or " + allowed[allowed.length - 1];
        return new IllegalArgumentException(option + " must be " + list + "; found " + value);
    }

    /** Throws {@link #badChoice} unless {@code value} is one of {@code allowed}. */
    static void oneOf(String option, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw badChoice(option, value, allowed);
        }
    }

    /** {@code --missing indicator|drop}. */
    static MissingPolicy missingPolicy(String value) {
        return switch (value) {
            case "indicator" -> MissingPolicy.INDICATOR;
            case "drop" -> MissingPolicy.DROP;
            default -> throw badChoice("--missing", value, "indicator", "drop");
        };
    }

    /** Adds the columns that were given (not null) to {@code to}; returns {@code to}. */
    static <C extends Collection<String>> C given(C to, String... columns) {
        for (String c : columns) {
            if (c != null) {
                to.add(c);
            }
        }
        return to;
    }

    /** The covariates that must be numeric: neither listed as factors nor text columns of {@code f}. */
    static List<String> numericCovariates(Frame f, List<String> covariates, List<String> factors) {
        List<String> numeric = new ArrayList<>();
        for (String c : covariates) {
            if (!factors.contains(c) && !(f.has(c) && f.column(c) instanceof TextColumn)) {
                numeric.add(c);
            }
        }
        return numeric;
    }
}
