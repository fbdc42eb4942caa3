package org.padlock.report;

/**
 * One table cell: text, or a number with the decimals to show. {@code basis} is the number of
 * pupils the value rests on (-1 when not pupil-based); disclosure control suppresses a cell whose
 * basis is below the threshold.
 */
public record Cell(String text, double value, int decimals, int basis, boolean suppressed) {
    public static Cell text(String s) {
        return new Cell(s, Double.NaN, -1, -1, false);
    }

    public static Cell number(double v, int decimals) {
        return new Cell(null, v, decimals, -1, false);
    }

    /** A number resting on {@code pupils} pupils. */
    public static Cell number(double v, int decimals, int pupils) {
        return new Cell(null, v, decimals, pupils, false);
    }

    /** A count of pupils: its own basis. */
    public static Cell pupils(int n) {
        return new Cell(null, n, 0, n, false);
    }

    /** A count that is not of pupils (schools, clusters). */
    public static Cell count(int n) {
        return new Cell(null, n, 0, -1, false);
    }

    public boolean isText() {
        return text != null;
    }

    Cell suppress() {
        return new Cell(null, Double.NaN, decimals, basis, true);
    }
}
