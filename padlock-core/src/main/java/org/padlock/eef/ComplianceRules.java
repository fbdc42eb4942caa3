package org.padlock.eef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compliance rule set as data (seed 003 Table 3; DOMAIN.md s. 7). {@code levels} lists the
 * categories from least to most compliant (so "at least minimally compliant" is a comparison of
 * level indices). A school takes the first {@code school} category whose condition holds, else
 * {@code school_otherwise}; a cluster takes the first {@code cluster} category whose condition on the
 * counts of its schools per category holds, else {@code cluster_otherwise}.
 */
public record ComplianceRules(@JsonProperty(value = "version", required = true) String version,
                              @JsonProperty(value = "source", required = true) String source,
                              @JsonProperty(value = "levels", required = true) List<String> levels,
                              @JsonProperty(value = "school", required = true) List<Category> school,
                              @JsonProperty(value = "school_otherwise", required = true) String schoolOtherwise,
                              @JsonProperty("cluster") List<Category> cluster,
                              @JsonProperty("cluster_otherwise") String clusterOtherwise) implements RuleTables.Validated {
    public ComplianceRules {
        levels = levels == null ? List.of() : List.copyOf(levels);
        school = school == null ? List.of() : List.copyOf(school);
        cluster = cluster == null ? List.of() : List.copyOf(cluster);
    }

    /** A category and the condition that puts a unit in it. */
    public record Category(@JsonProperty(value = "name", required = true) String name,
                           @JsonProperty(value = "when", required = true) Condition when) {
    }

    /**
     * A condition: {@code all} (every sub-condition), {@code any} (at least one), or a comparison
     * {@code <column|count> <op> <value>} where {@code column} names a column of the school records and
     * {@code count} a category whose schools are counted within a cluster. {@code op} is one of
     * {@code < <= == != >= >}. A missing value makes a comparison false.
     */
    public record Condition(@JsonProperty("all") List<Condition> all, @JsonProperty("any") List<Condition> any,
                            @JsonProperty("column") String column, @JsonProperty("count") String count,
                            @JsonProperty("op") String op, @JsonProperty("value") Double value) {
        /** Evaluates against named values (columns of one school, or category counts of one cluster). */
        public boolean test(Map<String, Double> values) {
            if (all != null) {
                return all.stream().allMatch(c -> c.test(values));
            }
            if (any != null) {
                return any.stream().anyMatch(c -> c.test(values));
            }
            Double v = values.get(column != null ? column : count);
            if (v == null || v.isNaN()) {
                return false;
            }
            return switch (op) {
                case "<" -> v < value;
                case "<=" -> v <= value;
                case "==" -> v.doubleValue() == value;
                case "!=" -> v.doubleValue() != value;
                case ">=" -> v >= value;
                case ">" -> v > value;
                default -> throw new IllegalStateException("unreachable: op validated");
            };
        }

        void collect(Set<String> columns, Set<String> counts) {
            if (all != null) {
                all.forEach(c -> c.collect(columns, counts));
            } else if (any != null) {
                any.forEach(c -> c.collect(columns, counts));
            } else if (column != null) {
                columns.add(column);
            } else {
                counts.add(count);
            }
        }

        void validate(String at) {
            int kinds = (all != null ? 1 : 0) + (any != null ? 1 : 0) + (column != null ? 1 : 0) + (count != null ? 1 : 0);
            if (kinds != 1) {
                throw new IllegalArgumentException(at + ": a condition needs exactly one of all, any, column, count");
            }
            if (all != null || any != null) {
                List<Condition> sub = all != null ? all : any;
                if (sub.isEmpty()) {
                    throw new IllegalArgumentException(at + ": all/any must list at least one condition");
                }
                for (int i = 0; i < sub.size(); i++) {
                    sub.get(i).validate(at + (all != null ? ".all[" : ".any[") + i + "]");
                }
                return;
            }
            if (op == null || !List.of("<", "<=", "==", "!=", ">=", ">").contains(op)) {
                throw new IllegalArgumentException(at + ".op must be one of < <= == != >= >; found " + op);
            }
            if (value == null) {
                throw new IllegalArgumentException(at + ".value is required");
            }
        }
    }

    /** The school-record columns the school rules read, sorted. */
    public Set<String> columns() {
        Set<String> cols = new java.util.TreeSet<>();
        Set<String> counts = new HashSet<>();
        school.forEach(c -> c.when().collect(cols, counts));
        return cols;
    }

    /** Level index of a category (0 = least compliant). */
    public int level(String category) {
        int i = levels.indexOf(category);
        if (i < 0) {
            throw new IllegalArgumentException("unknown compliance category '" + category + "'; levels: " + levels);
        }
        return i;
    }

    @Override
    public void validate() {
        if (levels.size() < 2 || new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("levels must list at least two distinct categories");
        }
        check(school, schoolOtherwise, "school");
        if (!cluster.isEmpty() || clusterOtherwise != null) {
            check(cluster, clusterOtherwise, "cluster");
            for (int i = 0; i < cluster.size(); i++) {
                Set<String> cols = new HashSet<>();
                Set<String> counts = new HashSet<>();
                cluster.get(i).when().collect(cols, counts);
                if (!cols.isEmpty()) {
                    throw new IllegalArgumentException("cluster[" + i + "]: cluster rules count categories (count:), not columns");
                }
                for (String c : counts) {
                    level(c);
                }
            }
        }
        for (int i = 0; i < school.size(); i++) {
            Set<String> cols = new HashSet<>();
            Set<String> counts = new HashSet<>();
            school.get(i).when().collect(cols, counts);
            if (!counts.isEmpty()) {
                throw new IllegalArgumentException("school[" + i + "]: school rules compare columns (column:), not counts");
            }
        }
    }

    private void check(List<Category> cats, String otherwise, String at) {
        if (otherwise == null) {
            throw new IllegalArgumentException(at + "_otherwise is required");
        }
        level(otherwise);
        for (int i = 0; i < cats.size(); i++) {
            level(cats.get(i).name());
            cats.get(i).when().validate(at + "[" + i + "].when");
        }
    }
}
