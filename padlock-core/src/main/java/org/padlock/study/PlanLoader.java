package org.padlock.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a study plan from YAML; every problem becomes a {@link PlanException} naming file, line and key. */
public final class PlanLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PlanLoader() {
    }

    /** The YAML mapper used for plans and cost specifications. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    public static StudyPlan load(Path file) {
        return read(file, StudyPlan.class);
    }

    /** Reads any YAML document of the plan family (plans, cost specifications). */
    public static <T> T read(Path file, Class<T> type) {
        String label = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new PlanException(label + ": file not found (" + file + ")");
        }
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                throw new PlanException(label + ": the file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new PlanException(label + where(e.getLocation()) + ": unknown key '" + e.getPropertyName() + "' at "
                    + path(e) + "; allowed keys: " + known);
        } catch (JsonMappingException e) {
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf(" (for ");
            msg = cut > 0 ? msg.substring(0, cut) : msg;
            throw new PlanException(label + where(e.getLocation()) + ": " + path(e) + ": " + msg.strip());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new PlanException(label + ": not valid YAML: " + msg);
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " line " + loc.getLineNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }
}
