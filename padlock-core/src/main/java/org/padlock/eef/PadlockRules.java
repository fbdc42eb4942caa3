package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The EEF security rating table (seed 000 Appendix B; DOMAIN.md s. 5) as data: a score per design
 * label, power bands on the MDES (score of the first band with MDES strictly below its bound) and
 * attrition bands on the pupil-level attrition percentage (rounded to
 * {@code attritionPercentDecimals} decimals; score of the first band with the percentage at most its
 * bound, so exactly 10% scores 5 and 11% scores 4).
 */
public record PadlockRules(@JsonProperty(value = "version", required = true) String version,
                           @JsonProperty(value = "source", required = true) String source,
                           @JsonProperty(value = "designs", required = true) List<Design> designs,
                           @JsonProperty(value = "power", required = true) List<PowerBand> power,
                           @JsonProperty(value = "attrition_percent_decimals", required = true) int attritionPercentDecimals,
                           @JsonProperty(value = "attrition", required = true) List<AttritionBand> attrition)
        implements RuleTables.Validated {
    public PadlockRules {
        designs = designs == null ? List.of() : List.copyOf(designs);
        power = power == null ? List.of() : List.copyOf(power);
        attrition = attrition == null ? List.of() : List.copyOf(attrition);
    }

    /** A design label, its score and the wording of the table row. */
    public record Design(@JsonProperty(value = "label", required = true) String label,
                         @JsonProperty(value = "score", required = true) int score,
                         @JsonProperty(value = "text", required = true) String text) {
    }

    /** {@code score} when MDES &lt; {@code below}; the last band has no bound. */
    public record PowerBand(@JsonProperty(value = "score", required = true) int score, @JsonProperty("below") Double below) {
    }

    /** {@code score} when the attrition percentage is at most {@code max}; the last band has no bound. */
    public record AttritionBand(@JsonProperty(value = "score", required = true) int score, @JsonProperty("max") Double max) {
    }

    /** The design row for a label; an unknown label is an error listing the known ones. */
    public Design design(String label) {
        for (Design d : designs) {
            if (d.label().equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown design label '" + label + "'; known labels: "
                + designs.stream().map(Design::label).collect(Collectors.joining(", ")));
    }

    /** Power score of an MDES (> 0). */
    public int powerScore(double mdes) {
        if (!(mdes > 0) || Double.isInfinite(mdes)) {
            throw new IllegalArgumentException("MDES must be a positive number; found " + mdes);
        }
        for (PowerBand b : power) {
            if (b.below() == null || mdes < b.below()) {
                return b.score();
            }
        }
        throw new IllegalStateException("unreachable: the last band is open");
    }

    /** Attrition score of an attrition fraction in [0, 1]. */
    public int attritionScore(double fraction) {
        double pct = attritionPercent(fraction);
        for (AttritionBand b : attrition) {
            if (b.max() == null || pct <= b.max()) {
                return b.score();
            }
        }
        throw new IllegalStateException("unreachable: the last band is open");
    }

    /** The attrition percentage as the table reads it (rounded half up to the table's decimals). */
    public double attritionPercent(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("attrition must be a fraction in [0, 1]; found " + fraction);
        }
        return new BigDecimal(Double.toString(fraction)).movePointRight(2)
                .setScale(attritionPercentDecimals, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public void validate() {
        Set<String> seen = new HashSet<>();
        for (Design d : designs) {
            if (!seen.add(d.label())) {
                throw new IllegalArgumentException("designs: duplicate label '" + d.label() + "'");
            }
        }
        if (designs.isEmpty() || power.isEmpty() || attrition.isEmpty()) {
            throw new IllegalArgumentException("designs, power and attrition must not be empty");
        }
        if (power.get(power.size() - 1).below() != null || attrition.get(attrition.size() - 1).max() != null) {
            throw new IllegalArgumentException("the last power and attrition bands must be open");
        }
        for (int i = 1; i < power.size() - 1; i++) {
            if (!(power.get(i).below() > power.get(i - 1).below())) {
                throw new IllegalArgumentException("power[" + i + "].below must exceed the previous bound");
            }
        }
        for (int i = 1; i < attrition.size() - 1; i++) {
            if (!(attrition.get(i).max() > attrition.get(i - 1).max())) {
                throw new IllegalArgumentException("attrition[" + i + "].max must exceed the previous bound");
            }
        }
    }
}
