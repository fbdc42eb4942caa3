package org.padlock.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.padlock.data.Json;

/**
 * The matched comparison group, frozen before any outcome is read (the "pseudo-randomisation
 * date" of seed 003). It records the matched units and weights, the specification, the SHA-256 of
 * each input file and of the design columns actually read, the padlock version and the time.
 * Written atomically; the analysis stage refuses a frozen design whose design inputs changed.
 *
 * @param study        study name
 * @param specification the matching specification (plain values)
 * @param units        the matched sample: one entry per unit with weight > 0
 * @param inputFiles   SHA-256 of each input file read by the design stage
 * @param designContentSha256 SHA-256 of the design columns (ids, treatment, covariates) as read
 * @param padlockVersion version that froze the design
 * @param frozenAt     ISO-8601 instant of freezing
 */
public record FrozenDesign(@JsonProperty("study") String study,
                           @JsonProperty("specification") Map<String, Object> specification,
                           @JsonProperty("units") List<Unit> units,
                           @JsonProperty("input_files") Map<String, String> inputFiles,
                           @JsonProperty("design_content_sha256") String designContentSha256,
                           @JsonProperty("padlock_version") String padlockVersion,
                           @JsonProperty("frozen_at") String frozenAt) {
    public FrozenDesign {
        specification = new TreeMap<>(specification);
        units = List.copyOf(units);
        inputFiles = new TreeMap<>(inputFiles);
    }

    /** One matched unit. */
    public record Unit(@JsonProperty("id") String id, @JsonProperty("treated") int treated,
                       @JsonProperty("pscore") double pscore, @JsonProperty("weight") double weight,
                       @JsonProperty("subclass") String subclass, @JsonProperty("cluster") String cluster) {
    }

    /** Writes the design atomically. */
    public void write(Path file) {
        Json.writeAtomically(file, Json.write(this));
    }

    public static FrozenDesign read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), FrozenDesign.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frozen design " + file + ": " + e.getMessage(), e);
        }
    }

    /** Weight of each matched unit by id. */
    public Map<String, Unit> byId() {
        Map<String, Unit> m = new TreeMap<>();
        for (Unit u : units) {
            m.put(u.id(), u);
        }
        return m;
    }
}
