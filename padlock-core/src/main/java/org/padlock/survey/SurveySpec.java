package org.padlock.survey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.padlock.study.PlanException;
import org.padlock.study.PlanLoader;

/**
 * A set of survey instruments described as data (YAML; {@code docs/cli-survey.md} documents every
 * key): the response scale, the instruments (each a data file with an id column and optional
 * routing), and the items with their code in each instrument that asked them. An item is one
 * question asked, possibly with different numbers, in several instruments: the item
 * {@code {codes: {baseline: 4.2.1, final: 5.1.1, matched: 4.1.1}}} records the equivalence of
 * seed 003 Tables 25 and 26.
 *
 * @param scale       the Likert scale shared by every item
 * @param instruments the instruments, in report order
 * @param items       the items, in report order
 */
public record SurveySpec(@JsonProperty(value = "scale", required = true) Scale scale,
                         @JsonProperty(value = "instruments", required = true) List<Instrument> instruments,
                         @JsonProperty(value = "items", required = true) List<Item> items) {
    public SurveySpec {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * The response scale. {@code points} are the substantive codes from low to high (the mean
     * rating averages them); {@code dont_know} codes count as answered but not rated.
     */
    public record Scale(@JsonProperty(value = "points", required = true) List<Integer> points,
                        @JsonProperty("labels") Map<Integer, String> labels,
                        @JsonProperty(value = "agree", required = true) List<Integer> agree,
                        @JsonProperty(value = "disagree", required = true) List<Integer> disagree,
                        @JsonProperty("dont_know") List<Integer> dontKnow) {
        public Scale {
            points = points == null ? List.of() : List.copyOf(points);
            labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
            agree = agree == null ? List.of() : List.copyOf(agree);
            disagree = disagree == null ? List.of() : List.copyOf(disagree);
            dontKnow = dontKnow == null ? List.of() : List.copyOf(dontKnow);
        }

        /** The label of a code, or the code itself when none is given. */
        public String label(int code) {
            return labels.getOrDefault(code, Integer.toString(code));
        }
    }

    /**
     * One instrument. {@code routing} names a column of its data whose value sends a respondent
     * down one route (e.g. completed or withdrawn schools) and lists the allowed values.
     */
    public record Instrument(@JsonProperty(value = "name", required = true) String name,
                             @JsonProperty("label") String label,
                             @JsonProperty(value = "id", required = true) String id,
                             @JsonProperty("routing") Routing routing) {
        /** The label, or the name when none is given. */
        public String title() {
            return label == null ? name : label;
        }
    }

    /** The route column and its allowed values. */
    public record Routing(@JsonProperty(value = "column", required = true) String column,
                          @JsonProperty(value = "values", required = true) List<String> values) {
        public Routing {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * One item. {@code codes} maps each instrument that asked it to its number there; the answers
     * are in {@code column} (or {@code columns.<instrument>}). {@code route}: only respondents on
     * this route were asked (in instruments with routing).
     */
    public record Item(@JsonProperty(value = "key", required = true) String key,
                       @JsonProperty("text") String text,
                       @JsonProperty("column") String column,
                       @JsonProperty("columns") Map<String, String> columns,
                       @JsonProperty(value = "codes", required = true) Map<String, String> codes,
                       @JsonProperty("route") String route) {
        public Item {
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        }

        /** The data column holding this item's answers in an instrument. */
        public String columnIn(String instrument) {
            return columns.getOrDefault(instrument, column == null ? key : column);
        }

        /** Whether the instrument asked this item. */
        public boolean askedIn(String instrument) {
            return codes.containsKey(instrument);
        }
    }

    /** The instrument of that name; a {@link PlanException} when there is none. */
    public Instrument instrument(String name) {
        for (Instrument i : instruments) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        throw new PlanException("no instrument named '" + name + "'; the instruments are: "
                + String.join(", ", instruments.stream().map(Instrument::name).toList()));
    }

    /** The item's statement (its key when it has no text); the key itself for an unknown item. */
    public String statement(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst().map(i -> i.text() == null ? key : i.text()).orElse(key);
    }

    /** Reads and validates an instrument file; every problem is a {@link PlanException} naming the file and key. */
    public static SurveySpec load(Path file) {
        SurveySpec s = PlanLoader.read(file, SurveySpec.class);
        s.validate(file.getFileName().toString());
        return s;
    }

    /** Checks the rules that YAML typing cannot: naming the file, the key and the value found. */
    public void validate(String label) {
        List<String> problems = new ArrayList<>();
        if (scale.points().size() < 2) {
            problems.add("scale.points: needs at least two codes; found " + scale.points());
        }
        Set<Integer> points = new HashSet<>(scale.points());
        if (points.size() != scale.points().size()) {
            problems.add("scale.points: codes must be distinct; found " + scale.points());
        }
        for (String key : List.of("agree", "disagree")) {
            List<Integer> codes = key.equals("agree") ? scale.agree() : scale.disagree();
            if (codes.isEmpty() || !points.containsAll(codes)) {
                problems.add("scale." + key + ": must be a non-empty subset of scale.points " + scale.points() + "; found " + codes);
            }
        }
        for (Integer d : scale.dontKnow()) {
            if (points.contains(d)) {
                problems.add("scale.dont_know: code " + d + " is also a scale point");
            }
        }
        if (scale.agree().stream().anyMatch(scale.disagree()::contains)) {
            problems.add("scale: a code cannot be both agree and disagree; found agree " + scale.agree() + ", disagree " + scale.disagree());
        }
        if (instruments.isEmpty()) {
            problems.add("instruments: at least one instrument is needed");
        }
        Set<String> names = new HashSet<>();
        for (int k = 0; k < instruments.size(); k++) {
            Instrument in = instruments.get(k);
            if (!names.add(in.name())) {
                problems.add("instruments[" + k + "].name: duplicate instrument '" + in.name() + "'");
            }
            if (in.routing() != null && in.routing().values().size() < 2) {
                problems.add("instruments[" + k + "].routing.values: needs at least two routes; found " + in.routing().values());
            }
        }
        if (items.isEmpty()) {
            problems.add("items: at least one item is needed");
        }
        Set<String> keys = new HashSet<>();
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            String at = "items[" + k + "] ('" + it.key() + "')";
            if (!keys.add(it.key())) {
                problems.add(at + ".key: duplicate item key");
            }
            if (it.codes().isEmpty()) {
                problems.add(at + ".codes: the item is in no instrument");
            }
            for (String inst : it.codes().keySet()) {
                if (!names.contains(inst)) {
                    problems.add(at + ".codes: unknown instrument '" + inst + "'; the instruments are " + names.stream().sorted().toList());
                }
            }
            for (String inst : it.columns().keySet()) {
                if (!it.codes().containsKey(inst)) {
                    problems.add(at + ".columns: instrument '" + inst + "' has no code for this item");
                }
            }
            if (it.route() != null) {
                for (String inst : it.codes().keySet()) {
                    Instrument in = instruments.stream().filter(i -> i.name().equals(inst)).findFirst().orElse(null);
                    if (in != null && (in.routing() == null || !in.routing().values().contains(it.route()))) {
                        problems.add(at + ".route: '" + it.route() + "' is not a route of instrument '" + inst + "'"
                                + (in.routing() == null ? " (it has no routing)" : "; its routes are " + in.routing().values()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException(label + ": " + String.join("; ", problems));
        }
    }
}
