package org.padlock.data;

/**
 * One named column of a {@link Frame}. Numeric columns hold {@code double} values with
 * {@code NaN} for missing; text columns hold strings with {@code null} for missing.
 */
public sealed interface Column permits NumericColumn, TextColumn {
    /** The column's name as it appears in the source file. */
    String name();

    /** Number of rows. */
    int size();

    /** Whether row {@code i} is missing. */
    boolean isMissing(int i);

    /** Sets {@code mark[i]} for every missing row {@code i} (others left as they are): one pass over the column. */
    void markMissing(boolean[] mark);

    /** A new column holding only the given rows, in the given order. */
    Column select(int[] rows);

    /** The value of row {@code i} as text ({@code null} when missing); numbers in shortest round-trip form. */
    String text(int i);
}
