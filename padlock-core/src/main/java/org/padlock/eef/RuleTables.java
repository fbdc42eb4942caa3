package org.padlock.eef;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EEF rule tables as versioned data: YAML resources under {@code org/padlock/eef/} (each with a
 * {@code version} and a {@code source}), loaded once. A replacement table (a later EEF revision, a
 * project's own months table) is read with {@link #read(Path, Class)}; a malformed table is an
 * {@link IllegalArgumentException} naming the file and the rule.
 */
public final class RuleTables {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private RuleTables() {
    }

    /** The bundled months' progress table ({@code months.yaml}). */
    public static MonthsTable months() {
        return Bundled.MONTHS;
    }

    /** The bundled padlock rules ({@code padlocks.yaml}, seed 000 Appendix B). */
    public static PadlockRules padlocks() {
        return Bundled.PADLOCKS;
    }

    /** The bundled cost rating bands ({@code cost-bands.yaml}, seed 000 Appendix A). */
    public static CostBands costBands() {
        return Bundled.COST;
    }

    /** The bundled compliance rule set of seed 003 ({@code compliance-spp.yaml}). */
    public static ComplianceRules compliance() {
        return Bundled.COMPLIANCE;
    }

    /** Reads a rule table from a file (for replacing a bundled one). */
    public static <T extends Validated> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read rule table: " + e.getMessage());
        }
    }

    static <T extends Validated> T read(InputStream in, String label, Class<T> type) {
        T t;
        try {
            t = YAML.readValue(in, type);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(label + ": not a valid rule table: " + msg);
        }
        if (t == null) {
            throw new IllegalArgumentException(label + ": the rule table is empty");
        }
        try {
            t.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage());
        }
        return t;
    }

    private static <T extends Validated> T bundled(String name, Class<T> type) {
        try (InputStream in = RuleTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled rule table missing: " + name);
            }
            return read(in, name, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rule table that checks its own consistency after loading. */
    public interface Validated {
        /** @throws IllegalArgumentException naming the rule broken */
        void validate();
    }

    private static final class Bundled {
        static final MonthsTable MONTHS = bundled("months.yaml", MonthsTable.class);
        static final PadlockRules PADLOCKS = bundled("padlocks.yaml", PadlockRules.class);
        static final CostBands COST = bundled("cost-bands.yaml", CostBands.class);
        static final ComplianceRules COMPLIANCE = bundled("compliance-spp.yaml", ComplianceRules.class);
    }
}
