package org.padlock.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical JSON form of padlock's outputs: keys of maps sorted; an object's properties in a fixed
 * order ({@link #ORDER}); two-space indentation, a final newline, and {@code null} for a number that
 * cannot be estimated (never {@code NaN}). The same value always gives the same bytes.
 */
public final class Json {
    /**
     * The order of an object's properties, left to no reflection: a record's components in their declared
     * order ({@link Class#getRecordComponents}), or a class's field-backed properties in Jackson's order
     * (the fields' order in the class file), then the properties only a method provides (such as a record's
     * derived {@code @JsonProperty} methods) sorted by name. Java leaves the order of
     * {@link Class#getDeclaredMethods} open, and HotSpot's differs between runs with and without a
     * class-data archive (the launcher's), which would otherwise reorder such properties.
     */
    private static final BeanSerializerModifier ORDER = new BeanSerializerModifier() {
        @Override
        public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription bean,
                                                        List<BeanPropertyWriter> props) {
            Class<?> c = bean.getBeanClass();
            List<String> components = c.isRecord()
                    ? Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
            List<BeanPropertyWriter> fixed = new ArrayList<>();
            List<BeanPropertyWriter> byName = new ArrayList<>();
            for (BeanPropertyWriter w : props) {
                boolean declared = c.isRecord() ? components.contains(w.getMember().getName())
                        : w.getMember() instanceof AnnotatedField;
                (declared ? fixed : byName).add(w);
            }
            if (c.isRecord()) {
                fixed.sort(Comparator.comparingInt(w -> components.indexOf(w.getMember().getName())));
            }
            byName.sort(Comparator.comparing(BeanPropertyWriter::getName));
            fixed.addAll(byName);
            return fixed;
        }
    };

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("padlock-numbers");
        JsonSerializer<Double> d = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || v.isNaN() || v.isInfinite()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, d);
        m.addSerializer(double.class, d);
        m.setSerializerModifier(ORDER);
        return JsonMapper.builder()
                .addModule(m)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical text of a value. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to a file atomically: a temporary sibling, then a move into place. */
    public static void writeAtomically(Path file, String text) {
        writeAtomically(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Bytes written to a stream, e.g. a large table block by block. */
    @FunctionalInterface
    public interface Body {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes {@code body} to a file atomically: a temporary sibling, then a move into place; a failure
     * leaves any earlier file untouched and no temporary file behind.
     */
    public static void writeAtomically(Path file, Body body) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (java.io.OutputStream o = Files.newOutputStream(tmp)) {
                body.writeTo(o);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the temporary file could not be removed either; the error below says what failed
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
