package org.padlock.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a CSV file in memory and writes it in one go: UTF-8 without a byte-order mark, {@code \n}
 * line endings, numbers with a fixed number of decimals and a point (never the default locale's
 * separator), missing values as empty cells. Cells are never quoted, so a cell must not contain a
 * comma, quote or line break.
 */
final class CsvOut {
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final int width;
    private int cell;

    CsvOut(List<String> header) {
        width = header.size();
        for (String h : header) {
            text(h);
        }
    }

    /** A text cell ({@code null} for missing). */
    CsvOut text(String s) {
        if (s != null && (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a demo CSV cell must not contain a comma, quote or line break; found \"" + s + "\"");
        }
        if (cell > 0) {
            sb.append(',');
        }
        if (s != null) {
            sb.append(s);
        }
        if (++cell == width) {
            sb.append('\n');
            cell = 0;
        }
        return this;
    }

    /** A whole number. */
    CsvOut integer(long v) {
        return text(Long.toString(v));
    }

    /** A number with {@code decimals} decimals; NaN is a missing cell. */
    CsvOut number(double v, int decimals) {
        return text(format(v, decimals));
    }

    /**
     * {@code v} with {@code decimals} (0-6) decimals: {@code Math.round(v * 10^decimals)} written out
     * with a point, so the text is a pure function of the double (no locale, no negative zero);
     * {@code null} for NaN.
     */
    static String format(double v, int decimals) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (decimals < 0 || decimals > 6 || Double.isInfinite(v) || Math.abs(v) > 1e12) {
            throw new IllegalArgumentException("cannot format " + v + " with " + decimals + " decimals");
        }
        long scaled = Math.round(v * POW10[decimals]);
        if (decimals == 0) {
            return Long.toString(scaled);
        }
        String digits = Long.toString(Math.abs(scaled));
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals + 1 - digits.length()) + digits;
        }
        int point = digits.length() - decimals;
        return (scaled < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
    }

    private static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    void write(Path file) {
        if (cell != 0) {
            throw new IllegalStateException("incomplete row: " + cell + " of " + width + " cells");
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
