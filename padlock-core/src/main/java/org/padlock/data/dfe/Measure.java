package org.padlock.data.dfe;

import java.util.List;

/**
 * How one stable measure is read from a file: a column read as a number, text or date, or a ratio
 * of two numeric columns times a scale.
 *
 * @param type    how the cell is read
 * @param columns the column ({@code NUMBER}, {@code TEXT}, {@code DATE}) or numerator and denominator ({@code RATIO})
 * @param scale   multiplier of a ratio (1 otherwise)
 */
record Measure(Type type, List<String> columns, double scale) {
    /** The kinds of measure. */
    enum Type { NUMBER, TEXT, DATE, RATIO }

    Measure {
        columns = List.copyOf(columns);
        if (columns.size() != (type == Type.RATIO ? 2 : 1)) {
            throw new IllegalArgumentException(type + " measure needs " + (type == Type.RATIO ? 2 : 1) + " column(s); found " + columns);
        }
    }

    static Measure number(String column) {
        return new Measure(Type.NUMBER, List.of(column), 1);
    }

    boolean numeric() {
        return type == Type.NUMBER || type == Type.RATIO;
    }
}
