package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The EEF cost rating bands (seed 000 Appendix A) on the cost per pupil per year: the rating of the
 * first band the cost falls in, a band bounded by {@code below} (strictly less) or {@code max}
 * (at most); the last band is open.
 */
public record CostBands(@JsonProperty(value = "version", required = true) String version,
                        @JsonProperty(value = "source", required = true) String source,
                        @JsonProperty("currency") String currency,
                        @JsonProperty(value = "bands", required = true) List<Band> bands) implements RuleTables.Validated {
    public CostBands {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** One rating band; at most one of {@code below} and {@code max}. */
    public record Band(@JsonProperty(value = "rating", required = true) String rating,
                       @JsonProperty("below") Double below, @JsonProperty("max") Double max) {
        boolean contains(double v) {
            return below != null ? v < below : max == null || v <= max;
        }
    }

    /** The rating of a cost per pupil per year. */
    public String rating(double costPerPupilPerYear) {
        if (!(costPerPupilPerYear >= 0) || Double.isInfinite(costPerPupilPerYear)) {
            throw new IllegalArgumentException("cost per pupil per year must be >= 0; found " + costPerPupilPerYear);
        }
        for (Band b : bands) {
            if (b.contains(costPerPupilPerYear)) {
                return b.rating();
            }
        }
        throw new IllegalStateException("unreachable: the last band is open");
    }

    @Override
    public void validate() {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("bands must not be empty");
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            boolean last = i == bands.size() - 1;
            if (b.below() != null && b.max() != null) {
                throw new IllegalArgumentException("bands[" + i + "] has both below and max");
            }
            if (last != (b.below() == null && b.max() == null)) {
                throw new IllegalArgumentException("only the last band (bands[" + i + "]) may be open");
            }
        }
    }
}
