package org.padlock.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of model terms in a covariate list, a subset of R's formula language
 * (Chambers and Hastie 1992, <i>Statistical Models in S</i>, ch. 2; R's {@code ?formula}):
 * <ul>
 *   <li>{@code x}: a column (a text column, or one listed as a factor, is expanded to indicators);</li>
 *   <li>{@code I(x^p)} or {@code x^p}, integer {@code p >= 2}: a power of a numeric column, named
 *       {@code I(x^p)} as R names it;</li>
 *   <li>{@code a:b} (any number of parts, each a column or a power): the product of the parts'
 *       columns; a factor part contributes its indicators (treatment contrasts, the reference level
 *       dropped in models), so {@code race:nodegree} gives {@code race_hispan:nodegree} and
 *       {@code race_white:nodegree}, R's {@code racehispan:nodegree} and {@code racewhite:nodegree}.</li>
 * </ul>
 * Unlike R, terms keep the order in which they are listed (R moves interactions after main
 * effects); the fit is the same. A name that is itself a column of the data is always a column.
 */
public final class ModelTerms {
    private static final Pattern POWER = Pattern.compile("^(?:I\\((.+)\\^(\\d+)\\)|(.+)\\^(\\d+))$");

    private ModelTerms() {
    }

    /** One factor of a term: a column raised to a power (1 for a plain column). */
    public record Part(String column, int power) {
        /** R's label: {@code x} or {@code I(x^p)}. */
        public String label() {
            return power == 1 ? column : "I(" + column + "^" + power + ")";
        }
    }

    /** Whether the term needs more than a single column (a power or an interaction). */
    public static boolean isComposite(Frame frame, String term) {
        return !frame.has(term) && (term.contains(":") || POWER.matcher(term.trim()).matches());
    }

    /** The parts of a term, validated against the frame. */
    public static List<Part> parts(Frame frame, String term) {
        if (frame.has(term)) {
            return List.of(new Part(term, 1));
        }
        List<Part> out = new ArrayList<>();
        for (String raw : term.split(":", -1)) {
            String p = raw.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("model term '" + term + "' has an empty part; write a:b for an interaction");
            }
            Matcher m = POWER.matcher(p);
            if (!frame.has(p) && m.matches()) {
                String col = (m.group(1) != null ? m.group(1) : m.group(3)).trim();
                int power = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
                if (power < 1) {
                    throw new IllegalArgumentException("model term '" + term + "': the power must be a positive integer");
                }
                out.add(new Part(col, power));
            } else {
                out.add(new Part(p, 1));
            }
        }
        return out;
    }

    /** The data columns a list of terms reads, in first-use order (plain names pass through). */
    public static List<String> columns(Frame frame, List<String> terms) {
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (String t : terms) {
            for (Part p : parts(frame, t)) {
                cols.add(p.column());
            }
        }
        return List.copyOf(cols);
    }

    /**
     * The data columns of terms without a frame (for validating a specification before the data
     * are read): splits on {@code :} and strips powers.
     */
    public static List<String> columns(List<String> terms) {
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        for (String t : terms) {
            for (String raw : t.split(":", -1)) {
                if (raw.isBlank()) {
                    throw new IllegalArgumentException("model term '" + t + "' has an empty part; write a:b for an interaction");
                }
                Matcher m = POWER.matcher(raw.trim());
                cols.add(m.matches() ? (m.group(1) != null ? m.group(1) : m.group(3)).trim() : raw.trim());
            }
        }
        return List.copyOf(cols);
    }
}
