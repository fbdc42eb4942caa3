package org.padlock.data.dfe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.data.DataException;
import org.padlock.data.TableReader;

/**
 * One file read through the mapping: the school rows' URNs and the measures, named with the year
 * suffix ({@code READ_AVERAGE_2017}) or without for a snapshot source.
 *
 * <p>Cells: a number, possibly written {@code 78%} (read as 78); one of the Department's codes or an
 * empty cell, read as missing and counted by code ({@link MissingCode}); anything else in a numeric
 * measure is an error naming file, line and column, never a silent missing value. Dates are
 * {@code dd-mm-yyyy} (GIAS) or {@code yyyymmdd} (spine) and come out as ISO {@code yyyy-mm-dd}. Text
 * keeps its zero padding. URNs are whole numbers, written without leading zeros.
 */
final class DfeFile {
    final DfeSource source;
    final String label;
    final Integer year;
    final String[] urns;
    /** Per school row, the row index to report in a {@code DataException} (see {@link RawTable#errorRow}). */
    final int[] rowIndex;
    /** Output column to {@code double[]} (numbers) or {@code String[]} (text, dates), in mapping order. */
    final Map<String, Object> values;
    final DfeFileSummary summary;

    private DfeFile(DfeSource source, String label, Integer year, String[] urns, int[] rowIndex, Map<String, Object> values,
                    DfeFileSummary summary) {
        this.source = source;
        this.label = label;
        this.year = year;
        this.urns = urns;
        this.rowIndex = rowIndex;
        this.values = values;
        this.summary = summary;
    }

    static DfeFile read(Path file, DfeSource source, ColumnMapping mapping) {
        SourceMapping sm = mapping.source(source);
        String keyName = sm.key() == null ? "URN" : sm.key();
        Layout[] chosen = new Layout[1];
        RawTable t = RawTable.read(file, sm.overflow(), header -> {
            chosen[0] = sm.layoutOf(file.getFileName().toString(), header, source.key());
            java.util.Set<String> need = new java.util.HashSet<>();
            need.add(keyName);
            if (sm.recordType() != null) {
                need.add(sm.recordType());
            }
            sm.measuresOf(chosen[0]).values().forEach(m -> need.addAll(m.columns()));
            return need;
        });
        Layout layout = chosen[0];
        int key = t.column(keyName);
        if (key < 0) {
            throw new DataException(t.label(), -1, keyName, "line 1 (header): no " + keyName + " column to identify schools");
        }
        int rt = -1;
        if (sm.recordType() != null) {
            rt = t.column(sm.recordType());
            if (rt < 0) {
                throw new DataException(t.label(), -1, sm.recordType(), "line 1 (header): no record-type column");
            }
        }
        List<Integer> kept = new ArrayList<>();
        List<String> urns = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int aggregate = 0;
        for (int i = 0; i < t.rows(); i++) {
            String k = strip(t.cell(i, key));
            if (rt >= 0) {
                String r = strip(t.cell(i, rt));
                if (sm.otherTypes().contains(r)) {
                    aggregate++;
                    continue;
                }
                if (!sm.schoolTypes().contains(r)) {
                    throw new DataException(t.label(), t.errorRow(i), sm.recordType(), "unknown record type '" + r + "'; school rows are "
                            + sorted(sm.schoolTypes()) + ", local-authority and national rows " + sorted(sm.otherTypes()));
                }
            } else if (sm.dropKeys().contains(k)) {
                aggregate++;
                continue;
            }
            String urn = urn(k);
            if (urn == null) {
                throw new DataException(t.label(), t.errorRow(i), keyName, "a school row needs a whole-number " + keyName + "; found '"
                        + (k == null ? "" : k) + "'");
            }
            Integer before = firstRow.putIfAbsent(urn, i);
            if (before != null) {
                throw new DataException(t.label(), t.errorRow(i), keyName, "duplicated " + keyName + " " + urn + " (first on line "
                        + (t.errorRow(before) + 2) + ")");
            }
            kept.add(i);
            urns.add(urn);
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] errorRows = kept.stream().mapToInt(t::errorRow).toArray();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byColumn = new LinkedHashMap<>();
        Map<String, Integer> byCode = new TreeMap<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Measure> e : sm.measuresOf(layout).entrySet()) {
            Measure m = e.getValue();
            boolean all = m.columns().stream().allMatch(t::has);
            if (!all) {
                absent.add(e.getKey());
                continue;
            }
            String out = layout.year() == null ? e.getKey() : e.getKey() + "_" + layout.year();
            Map<String, Integer> counts = new TreeMap<>();
            values.put(out, read(t, rows, m, counts));
            byColumn.put(out, counts);
            counts.forEach((c, n) -> byCode.merge(c, n, Integer::sum));
        }
        DfeFileSummary s = new DfeFileSummary(t.label(), source.key(), layout.year(), t.rows(), rows.length, aggregate,
                byCode, byColumn, absent);
        return new DfeFile(source, t.label(), layout.year(), urns.toArray(String[]::new), errorRows, values, s);
    }

    private static Object read(RawTable t, int[] rows, Measure m, Map<String, Integer> counts) {
        return switch (m.type()) {
            case NUMBER -> numbers(t, rows, m.columns().get(0), counts);
            case TEXT, DATE -> texts(t, rows, m.columns().get(0), m.type() == Measure.Type.DATE, counts);
            case RATIO -> ratio(t, rows, m, counts);
        };
    }

    private static double[] numbers(RawTable t, int[] rows, String column, Map<String, Integer> counts) {
        int j = t.column(column);
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String raw = t.cell(rows[r], j);
            String code = MissingCode.of(raw);
            if (code != null) {
                out[r] = Double.NaN;
                counts.merge(code, 1, Integer::sum);
                continue;
            }
            String s = raw.strip();
            if (s.endsWith("%")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            Double d = TableReader.parseNumber(s);
            if (d == null || d.isNaN() || d.isInfinite()) {
                throw new DataException(t.label(), t.errorRow(rows[r]), column, "not a number, a percentage nor a known code ("
                        + MissingCode.accepted() + "): '" + raw + "'");
            }
            out[r] = d;
        }
        return out;
    }

    private static String[] texts(RawTable t, int[] rows, String column, boolean date, Map<String, Integer> counts) {
        int j = t.column(column);
        String[] out = new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String raw = t.cell(rows[r], j);
            String s = raw == null ? "" : raw.strip();
            if (s.isEmpty()) {
                counts.merge(MissingCode.of(raw), 1, Integer::sum);
                continue;
            }
            out[r] = date ? isoDate(t.label(), t.errorRow(rows[r]), column, s) : s;
        }
        return out;
    }

    private static double[] ratio(RawTable t, int[] rows, Measure m, Map<String, Integer> counts) {
        Map<String, Integer> ignored = new HashMap<>();
        double[] num = numbers(t, rows, m.columns().get(0), ignored);
        double[] den = numbers(t, rows, m.columns().get(1), ignored);
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            if (Double.isNaN(num[r]) || Double.isNaN(den[r])) {
                // counted under the code of the operand that is missing (numerator first)
                String code = MissingCode.of(t.cell(rows[r], t.column(m.columns().get(Double.isNaN(num[r]) ? 0 : 1))));
                counts.merge(code, 1, Integer::sum);
                out[r] = Double.NaN;
            } else if (den[r] == 0) {
                counts.merge(MissingCode.ZERO_DENOMINATOR, 1, Integer::sum);
                out[r] = Double.NaN;
            } else {
                out[r] = m.scale() * num[r] / den[r];
            }
        }
        return out;
    }

    /** {@code dd-mm-yyyy} or {@code yyyymmdd} as {@code yyyy-mm-dd}; anything else is an error. */
    static String isoDate(String file, int row, String column, String s) {
        String y;
        String mo;
        String d;
        if (s.matches("\\d{2}-\\d{2}-\\d{4}")) {
            d = s.substring(0, 2);
            mo = s.substring(3, 5);
            y = s.substring(6);
        } else if (s.matches("\\d{8}")) {
            y = s.substring(0, 4);
            mo = s.substring(4, 6);
            d = s.substring(6);
        } else {
            throw new DataException(file, row, column, "expected a date dd-mm-yyyy or yyyymmdd; found '" + s + "'");
        }
        String iso = y + "-" + mo + "-" + d;
        try {
            java.time.LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DataException(file, row, column, "not a calendar date: '" + s + "'");
        }
        return iso;
    }

    /** The URN without leading zeros, or {@code null} when it is not a whole number. */
    static String urn(String k) {
        if (k == null || k.isEmpty() || k.length() > 18 || !k.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long v = Long.parseLong(k);
        return v <= 0 ? null : Long.toString(v);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> sorted(java.util.Set<String> s) {
        return s.stream().sorted().toList();
    }
}
