package org.padlock.design;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.padlock.data.Frame;
import org.padlock.data.Hashing;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * The only form in which the design stage sees data: a copy of the identifier, treatment and
 * design columns (covariates, exact-matching and cluster columns), without any other column.
 * Outcome columns are not hidden but absent, so no code path of the design stage can read them;
 * asking for one is an {@link IllegalStateException}.
 */
public final class OutcomeBlindView {
    private final Frame frame;
    private final String id;
    private final String treatment;

    private OutcomeBlindView(Frame frame, String id, String treatment) {
        this.frame = frame;
        this.id = id;
        this.treatment = treatment;
    }

    /**
     * @param data       the full table
     * @param id         identifier column
     * @param treatment  0/1 treatment column
     * @param design     covariate, exact-matching and cluster columns the design may read
     * @param outcomes   outcome columns; naming one of them in {@code design} is refused
     */
    public static OutcomeBlindView of(Frame data, String id, String treatment, List<String> design, Set<String> outcomes) {
        LinkedHashSet<String> keep = new LinkedHashSet<>();
        keep.add(id);
        keep.add(treatment);
        for (String c : design) {
            if (outcomes.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is an outcome and cannot be used by the design stage");
            }
            keep.add(c);
        }
        if (outcomes.contains(treatment) || outcomes.contains(id)) {
            throw new IllegalArgumentException("the identifier and treatment columns cannot be outcomes");
        }
        return new OutcomeBlindView(data.project(new ArrayList<>(keep)), id, treatment);
    }

    public int rowCount() {
        return frame.rowCount();
    }

    public String source() {
        return frame.source();
    }

    public String idColumn() {
        return id;
    }

    public String treatmentColumn() {
        return treatment;
    }

    public TextColumn ids() {
        return frame.text(id);
    }

    public NumericColumn treatment() {
        return frame.numeric(treatment);
    }

    /** The columns this view holds. */
    public List<String> columns() {
        return frame.names();
    }

    /** The underlying projected frame (it holds no outcome column). */
    public Frame frame() {
        return frame;
    }

    /** A design column; an outcome or any column outside the view is refused. */
    public void require(String column) {
        if (!frame.has(column)) {
            throw new IllegalStateException("the design stage cannot read column '" + column
                    + "': it is not a design column of this study (outcome-blind design)");
        }
    }

    /**
     * SHA-256 of the view's content (column names and values in row order): what the design
     * actually read. The analysis stage compares it with the frozen design's.
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        for (String c : frame.names()) {
            sb.append(c).append('\u0001');
        }
        sb.append('\n');
        var cols = frame.columns();
        for (int i = 0; i < frame.rowCount(); i++) {
            for (var c : cols) {
                String v = c.text(i);
                sb.append(v == null ? "\u0000" : v).append('\u0001');
            }
            sb.append('\n');
        }
        return Hashing.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
