package org.padlock.data.dfe;

import java.util.List;
import java.util.Set;

/**
 * The Department's codes that stand in place of a number (abbreviations sheet of the 2018-19
 * performance tables; {@code SUPP*} only in 2017-18), plus three kinds of empty cell that are
 * counted apart: {@code BLANK} (an empty cell), {@code SPACE} (a cell of spaces only) and
 * {@code ABSENT} (a cell missing from a short row).
 */
final class MissingCode {
    static final String BLANK = "BLANK";
    static final String SPACE = "SPACE";
    static final String ABSENT = "ABSENT";
    /** The denominator of a ratio measure is zero. */
    static final String ZERO_DENOMINATOR = "ZERO_DENOMINATOR";
    /** The codes in the order they are reported. */
    static final List<String> CODES = List.of("SUPP", "SUPP*", "NE", "NA", "NP", "LOWCOV", "SP", "RE", "NEW");
    private static final Set<String> CODE_SET = Set.copyOf(CODES);

    private MissingCode() {
    }

    /**
     * The missing-value code a raw cell stands for, or {@code null} when the cell holds something else.
     *
     * @param raw the cell as DuckDB returned it ({@code null} for a cell beyond the end of a short row)
     */
    static String of(String raw) {
        if (raw == null) {
            return ABSENT;
        }
        if (raw.isEmpty()) {
            return BLANK;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return SPACE;
        }
        return CODE_SET.contains(s) ? s : null;
    }

    /** The codes a message lists as accepted. */
    static String accepted() {
        return String.join(", ", CODES) + ", an empty cell or a cell of spaces";
    }
}
