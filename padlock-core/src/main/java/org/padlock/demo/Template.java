package org.padlock.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A bundled text template with {@code {{name}}} placeholders, every one of which must be filled. */
final class Template {
    private Template() {
    }

    /** Fills {@code resource} (relative to this package) with {@code values} and writes it to {@code file}. */
    static void write(String resource, Map<String, String> values, Path file) {
        String text;
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo template not found on the classpath: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled demo template " + resource, e);
        }
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            String key = "{{" + e.getKey() + "}}";
            if (!text.contains(key)) {
                throw new IllegalStateException(resource + ": no placeholder " + key);
            }
            text = text.replace(key, e.getValue());
        }
        int left = text.indexOf("{{");
        if (left >= 0) {
            throw new IllegalStateException(resource + ": unfilled placeholder at "
                    + text.substring(left, Math.min(text.length(), left + 40)));
        }
        try {
            Files.writeString(file, text.replace("\r\n", "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
