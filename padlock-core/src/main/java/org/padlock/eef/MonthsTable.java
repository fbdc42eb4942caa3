package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A months' progress conversion table (EEF Toolkit; DOMAIN.md s. 5): the effect size is rounded to
 * {@code decimals} decimals (half away from zero, on its shortest decimal representation, so 0.015
 * rounds to 0.02) and the months are those of the first band whose {@code max} is at least its
 * absolute value; the last band has no maximum. A negative effect gives the same months, negative.
 */
public record MonthsTable(@JsonProperty(value = "version", required = true) String version,
                          @JsonProperty(value = "source", required = true) String source,
                          @JsonProperty(value = "decimals", required = true) int decimals,
                          @JsonProperty(value = "bands", required = true) List<Band> bands) implements RuleTables.Validated {
    public MonthsTable {
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** One row: {@code months} for rounded |ES| up to {@code max} inclusive ({@code null}: no upper limit). */
    public record Band(@JsonProperty(value = "months", required = true) int months, @JsonProperty("max") Double max) {
    }

    /** The signed months of additional progress for an effect size. */
    public int months(double effectSize) {
        if (!Double.isFinite(effectSize)) {
            throw new IllegalArgumentException("effect size must be a finite number; found " + effectSize);
        }
        BigDecimal r = new BigDecimal(Double.toString(Math.abs(effectSize))).setScale(decimals, RoundingMode.HALF_UP);
        for (Band b : bands) {
            if (b.max() == null || r.compareTo(BigDecimal.valueOf(b.max())) <= 0) {
                return effectSize < 0 ? -b.months() : b.months();
            }
        }
        throw new IllegalStateException("unreachable: the last band is open");
    }

    @Override
    public void validate() {
        if (bands.isEmpty() || bands.get(bands.size() - 1).max() != null) {
            throw new IllegalArgumentException("bands must end with a band without max");
        }
        for (int i = 1; i < bands.size() - 1; i++) {
            if (!(bands.get(i).max() > bands.get(i - 1).max())) {
                throw new IllegalArgumentException("bands[" + i + "].max must exceed the previous band's max");
            }
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0; found " + decimals);
        }
    }
}
