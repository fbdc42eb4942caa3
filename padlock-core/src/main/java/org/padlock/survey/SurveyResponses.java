package org.padlock.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.padlock.data.Column;
import org.padlock.data.DataException;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TableReader;

/**
 * One instrument's answers, validated against its {@link SurveySpec}: one row per respondent, the
 * answer codes of every item the instrument asked ({@link #MISSING} where not answered), and the
 * respondent's route. Validation names the file, the data row and column and the rule: a missing
 * item column, an answer that is neither a scale point nor a don't-know code, a duplicate or
 * missing id, an unknown route, or an answer to an item the respondent's route was not asked.
 */
public final class SurveyResponses {
    /** The code of an unanswered item. */
    public static final int MISSING = Integer.MIN_VALUE;
    private final SurveySpec spec;
    private final SurveySpec.Instrument instrument;
    private final Frame frame;
    private final String[] ids;
    private final String[] routes;
    private final Map<String, int[]> answers;

    private SurveyResponses(SurveySpec spec, SurveySpec.Instrument instrument, Frame frame, String[] ids, String[] routes,
                            Map<String, int[]> answers) {
        this.spec = spec;
        this.instrument = instrument;
        this.frame = frame;
        this.ids = ids;
        this.routes = routes;
        this.answers = answers;
    }

    /** Reads an instrument's data file (CSV or Parquet) and validates it. */
    public static SurveyResponses read(SurveySpec spec, String instrument, java.nio.file.Path file) {
        SurveySpec.Instrument in = spec.instrument(instrument);
        Set<String> text = in.routing() == null ? Set.of(in.id()) : Set.of(in.id(), in.routing().column());
        return of(spec, instrument, TableReader.read(file, text));
    }

    /** Validates an instrument's data already read into a frame. */
    public static SurveyResponses of(SurveySpec spec, String instrument, Frame f) {
        SurveySpec.Instrument in = spec.instrument(instrument);
        String src = f.source();
        String[] ids = f.text(in.id()).values();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new DataException(src, i, in.id(), "the respondent id is missing");
            }
            Integer first = seen.putIfAbsent(ids[i], i);
            if (first != null) {
                throw new DataException(src, i, in.id(), "duplicate respondent id \"" + ids[i] + "\" (first on row " + (first + 1) + ")");
            }
        }
        String[] routes = null;
        if (in.routing() != null) {
            routes = f.text(in.routing().column()).values();
            for (int i = 0; i < routes.length; i++) {
                if (routes[i] == null || !in.routing().values().contains(routes[i])) {
                    throw new DataException(src, i, in.routing().column(), "routing: the route must be one of "
                            + in.routing().values() + "; found " + (routes[i] == null ? "a missing value" : "\"" + routes[i] + "\""));
                }
            }
        }
        SurveySpec.Scale sc = spec.scale();
        Map<String, int[]> answers = new LinkedHashMap<>();
        for (SurveySpec.Item item : spec.items()) {
            if (!item.askedIn(instrument)) {
                continue;
            }
            String col = item.columnIn(instrument);
            if (!f.has(col)) {
                throw new DataException(src, -1, col, "item " + item.codes().get(instrument) + " ('" + item.key()
                        + "') of instrument '" + instrument + "' is missing from the file; the file has: " + String.join(", ", f.names()));
            }
            Column c = f.column(col);
            NumericColumn nc = f.numeric(col);
            int[] a = new int[f.rowCount()];
            for (int i = 0; i < a.length; i++) {
                double v = nc.get(i);
                if (Double.isNaN(v)) {
                    a[i] = MISSING;
                    continue;
                }
                int code = (int) v;
                if (code != v || !(sc.points().contains(code) || sc.dontKnow().contains(code))) {
                    throw new DataException(src, i, col, "response out of range: item " + item.codes().get(instrument)
                            + " must be one of " + sc.points() + (sc.dontKnow().isEmpty() ? "" : " or don't know " + sc.dontKnow())
                            + ", or empty/NA; found " + c.text(i));
                }
                if (item.route() != null && routes != null && !item.route().equals(routes[i])) {
                    throw new DataException(src, i, col, "routing: item " + item.codes().get(instrument) + " is asked only of '"
                            + item.route() + "' respondents; this respondent's route is '" + routes[i] + "' but the item is answered");
                }
                a[i] = code;
            }
            answers.put(item.key(), a);
        }
        return new SurveyResponses(spec, in, f, ids, routes, answers);
    }

    /** The given rows only (already validated), e.g. the respondents among a study's matched comparison schools. */
    public SurveyResponses select(int[] rows) {
        String[] r = routes == null ? null : new String[rows.length];
        String[] id = new String[rows.length];
        Map<String, int[]> a = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : answers.entrySet()) {
            int[] v = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                v[k] = e.getValue()[rows[k]];
            }
            a.put(e.getKey(), v);
        }
        for (int k = 0; k < rows.length; k++) {
            id[k] = ids[rows[k]];
            if (r != null) {
                r[k] = routes[rows[k]];
            }
        }
        return new SurveyResponses(spec, instrument, frame.select(rows), id, r, a);
    }

    public SurveySpec spec() {
        return spec;
    }

    public SurveySpec.Instrument instrument() {
        return instrument;
    }

    /** The source file's name, for messages. */
    public String source() {
        return frame.source();
    }

    /** Number of respondents (rows). */
    public int size() {
        return ids.length;
    }

    /** Respondent id of a row. */
    public String id(int row) {
        return ids[row];
    }

    /** Route of a row, or {@code null} for an instrument without routing. */
    public String route(int row) {
        return routes == null ? null : routes[row];
    }

    /** Whether the instrument asked this item. */
    public boolean asked(String itemKey) {
        return answers.containsKey(itemKey);
    }

    /** The answer code of a row ({@link #MISSING} when unanswered). */
    public int answer(String itemKey, int row) {
        int[] a = answers.get(itemKey);
        if (a == null) {
            throw new IllegalArgumentException("instrument '" + instrument.name() + "' did not ask item '" + itemKey + "'");
        }
        return a[row];
    }

    /** The items this instrument asked, in specification order. */
    public List<SurveySpec.Item> items() {
        List<SurveySpec.Item> out = new ArrayList<>();
        for (SurveySpec.Item it : spec.items()) {
            if (answers.containsKey(it.key())) {
                out.add(it);
            }
        }
        return out;
    }

    /**
     * A grouping of the respondents by a column: of the instrument's own file when it has the
     * column, else of {@code characteristics} (joined on {@code characteristicsId} = the respondent
     * id; may be {@code null}). Returns one level per row, {@code null} where missing. A grouping
     * with fewer than two levels among the respondents is a {@link DataException}.
     */
    public String[] groups(String column, Frame characteristics, String characteristicsId) {
        String[] out = new String[ids.length];
        String src;
        if (frame.has(column) || characteristics == null || !characteristics.has(column)) {
            if (!frame.has(column) && characteristics == null) {
                throw new DataException(frame.source(), -1, column, "grouping column is missing; the file has: "
                        + String.join(", ", frame.names()));
            }
            if (!frame.has(column)) {
                throw new DataException(characteristics.source(), -1, column, "grouping column is missing from both "
                        + frame.source() + " and " + characteristics.source());
            }
            src = frame.source();
            String[] v = frame.text(column).values();
            System.arraycopy(v, 0, out, 0, v.length);
        } else {
            src = characteristics.source();
            String[] key = characteristics.text(characteristicsId).values();
            String[] v = characteristics.text(column).values();
            Map<String, String> byId = new HashMap<>();
            for (int i = 0; i < key.length; i++) {
                if (key[i] != null) {
                    byId.put(key[i], v[i]);
                }
            }
            for (int i = 0; i < ids.length; i++) {
                out[i] = byId.get(ids[i]);
            }
        }
        long levels = java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).distinct().count();
        if (levels < 2) {
            String only = java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            throw new DataException(src, -1, column, "a grouping column needs at least two levels among the "
                    + ids.length + " respondents of " + frame.source() + "; found " + (only == null ? "none" : "one ('" + only + "')"));
        }
        return out;
    }
}
