package org.padlock.data.dfe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mapping from the Department's year-specific column names to stable measure names: the one
 * shipped with padlock ({@code org/padlock/data/dfe/columns.yaml}, which documents the format),
 * optionally overridden by a user's file of the same shape. A malformed mapping is an
 * {@link IllegalArgumentException} naming the file and the key (a usage error, exit 2).
 */
public final class ColumnMapping {
    /** The classpath resource of the shipped mapping. */
    public static final String RESOURCE = "/org/padlock/data/dfe/columns.yaml";
    private static final Set<String> SOURCE_KEYS = Set.of("key", "record_type", "drop_keys", "measures", "layouts", "overflow_column");
    private static final Set<String> LAYOUT_KEYS = Set.of("year", "present", "absent", "measures");

    private final Map<DfeSource, SourceMapping> sources;

    private ColumnMapping(Map<DfeSource, SourceMapping> sources) {
        this.sources = sources;
        // output columns are NAME_YEAR for every source, so a stable name may belong to one source only
        Map<String, DfeSource> owner = new java.util.HashMap<>();
        for (Map.Entry<DfeSource, SourceMapping> e : sources.entrySet()) {
            Set<String> names = new LinkedHashSet<>(e.getValue().measures().keySet());
            e.getValue().layouts().forEach(l -> l.overrides().forEach((k, v) -> {
                if (v != null) {
                    names.add(k);
                }
            }));
            for (String n : names) {
                DfeSource before = owner.putIfAbsent(n, e.getKey());
                if (before != null && before != e.getKey()) {
                    throw new IllegalArgumentException("column mapping: the stable name " + n + " is used by both " + before.key()
                            + " and " + e.getKey().key() + "; give one of them another name");
                }
            }
        }
    }

    /** The shipped mapping. */
    public static ColumnMapping shipped() {
        try (InputStream in = ColumnMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped column mapping is missing from the classpath: " + RESOURCE);
            }
            return new ColumnMapping(parse(yaml().readTree(in), "padlock columns.yaml", "shipped"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped column mapping: " + e.getMessage(), e);
        }
    }

    /** The shipped mapping overridden by {@code user} ({@code null}: the shipped mapping alone). */
    public static ColumnMapping load(Path user) {
        ColumnMapping base = shipped();
        if (user == null) {
            return base;
        }
        String label = user.getFileName().toString();
        JsonNode root;
        try {
            root = yaml().readTree(Files.readString(user));
        } catch (IOException e) {
            throw new IllegalArgumentException("--columns " + label + ": cannot be read as YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<DfeSource, SourceMapping> merged = new EnumMap<>(base.sources);
        parse(root, label, "user " + label).forEach((s, m) -> merged.merge(s, m, (b, u) -> b.overriddenBy(u)));
        return new ColumnMapping(merged);
    }

    SourceMapping source(DfeSource s) {
        SourceMapping m = sources.get(s);
        if (m == null) {
            throw new IllegalArgumentException("the column mapping has no section for " + s.key());
        }
        return m;
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory());
    }

    private static Map<DfeSource, SourceMapping> parse(JsonNode root, String label, String origin) {
        Map<DfeSource, SourceMapping> out = new EnumMap<>(DfeSource.class);
        if (root == null || !root.isObject() || !root.path("sources").isObject()) {
            throw new IllegalArgumentException(label + ": expected a map with a 'sources' map (see " + RESOURCE + ")");
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.get("sources").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            DfeSource s;
            try {
                s = DfeSource.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(label + ": sources." + e.getKey() + ": unknown source; expected one of ks2, ks4, census, spine, gias");
            }
            out.put(s, source(e.getValue(), label + ": sources." + e.getKey(), origin));
        }
        return out;
    }

    private static SourceMapping source(JsonNode n, String where, String origin) {
        requireKeys(n, SOURCE_KEYS, where);
        String key = n.hasNonNull("key") ? text(n.get("key"), where + ".key") : null;
        String rt = null;
        Set<String> school = Set.of();
        Set<String> other = Set.of();
        if (n.hasNonNull("record_type")) {
            JsonNode r = n.get("record_type");
            requireKeys(r, Set.of("column", "school", "other"), where + ".record_type");
            rt = text(r.get("column"), where + ".record_type.column");
            school = new LinkedHashSet<>(texts(r.get("school"), where + ".record_type.school"));
            other = new LinkedHashSet<>(texts(r.get("other"), where + ".record_type.other"));
        }
        Set<String> drop = new LinkedHashSet<>(texts(n.get("drop_keys"), where + ".drop_keys"));
        Map<String, Measure> measures = measures(n.get("measures"), where + ".measures", false);
        List<Layout> layouts = new ArrayList<>();
        JsonNode ls = n.get("layouts");
        if (ls != null && !ls.isNull()) {
            if (!ls.isArray()) {
                throw new IllegalArgumentException(where + ".layouts: expected a list");
            }
            for (int i = 0; i < ls.size(); i++) {
                String w = where + ".layouts[" + i + "]";
                JsonNode l = ls.get(i);
                requireKeys(l, LAYOUT_KEYS, w);
                Integer year = null;
                if (l.hasNonNull("year")) {
                    if (!l.get("year").canConvertToInt() || !l.get("year").isIntegralNumber()) {
                        throw new IllegalArgumentException(w + ".year: expected a whole number; found " + l.get("year"));
                    }
                    year = l.get("year").intValue();
                }
                List<String> present = texts(l.get("present"), w + ".present");
                if (present.isEmpty()) {
                    throw new IllegalArgumentException(w + ".present: list at least one column that identifies the layout");
                }
                layouts.add(new Layout(year, present, texts(l.get("absent"), w + ".absent"),
                        measures(l.get("measures"), w + ".measures", true), origin));
            }
        }
        String overflow = n.hasNonNull("overflow_column") ? text(n.get("overflow_column"), where + ".overflow_column") : null;
        return new SourceMapping(key, rt, school, other, drop, measures, layouts, overflow);
    }

    private static Map<String, Measure> measures(JsonNode n, String where, boolean allowNull) {
        Map<String, Measure> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a map of stable name to column");
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String w = where + "." + e.getKey();
            if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(w + ": a stable name is letters, digits and '_', starting with a letter");
            }
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                if (!allowNull) {
                    throw new IllegalArgumentException(w + ": '~' (not published) is allowed only in a layout's measures");
                }
                out.put(e.getKey(), null);
            } else if (v.isTextual()) {
                out.put(e.getKey(), Measure.number(v.asText()));
            } else if (v.isObject() && v.has("ratio")) {
                requireKeys(v, Set.of("ratio", "scale"), w);
                List<String> cols = texts(v.get("ratio"), w + ".ratio");
                if (cols.size() != 2) {
                    throw new IllegalArgumentException(w + ".ratio: expected [NUMERATOR, DENOMINATOR]; found " + cols);
                }
                double scale = v.hasNonNull("scale") ? v.get("scale").asDouble(Double.NaN) : 1;
                if (!(scale > 0) || Double.isInfinite(scale)) {
                    throw new IllegalArgumentException(w + ".scale: must be a number > 0; found " + v.get("scale"));
                }
                out.put(e.getKey(), new Measure(Measure.Type.RATIO, cols, scale));
            } else if (v.isObject()) {
                requireKeys(v, Set.of("column", "type"), w);
                String col = text(v.get("column"), w + ".column");
                String type = v.hasNonNull("type") ? text(v.get("type"), w + ".type") : "number";
                Measure.Type t = switch (type) {
                    case "number" -> Measure.Type.NUMBER;
                    case "text" -> Measure.Type.TEXT;
                    case "date" -> Measure.Type.DATE;
                    default -> throw new IllegalArgumentException(w + ".type: expected number, text or date; found " + type);
                };
                out.put(e.getKey(), new Measure(t, List.of(col), 1));
            } else {
                throw new IllegalArgumentException(w + ": expected a column name or a map; found " + v);
            }
        }
        return out;
    }

    private static void requireKeys(JsonNode n, Set<String> allowed, String where) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a map");
        }
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + "." + k + ": unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String text(JsonNode n, String where) {
        if (n == null || n.isNull() || n.isContainerNode() || n.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": expected a column name; found " + n);
        }
        return n.asText();
    }

    private static List<String> texts(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list; found " + n);
        }
        for (int i = 0; i < n.size(); i++) {
            out.add(text(n.get(i), where + "[" + i + "]"));
        }
        return out;
    }
}
