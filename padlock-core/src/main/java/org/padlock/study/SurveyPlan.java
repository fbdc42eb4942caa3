package org.padlock.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's {@code surveys:} section: the process-evaluation surveys analysed in the report
 * ({@code docs/study-plan.md}; the instrument file is described in {@code docs/cli-survey.md}).
 *
 * @param instruments the instrument file (relative to the plan)
 * @param data        each instrument's data file and the schools it was sent to
 * @param compare     instruments compared item by item (003 Tables 25 and 26)
 * @param groups      groupings compared within an instrument (003 Table 33; completed vs withdrawn)
 */
public record SurveyPlan(@JsonProperty(value = "instruments", required = true) String instruments,
                         @JsonProperty(value = "data", required = true) Map<String, Source> data,
                         @JsonProperty("compare") List<Compare> compare,
                         @JsonProperty("groups") List<Group> groups) {
    public SurveyPlan {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        compare = compare == null ? List.of() : List.copyOf(compare);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * An instrument's data. {@code population}: {@code treated} (respondents must be treated
     * schools; sampled = all treated schools), {@code comparison} (only respondents among the
     * design's matched comparison schools are analysed; sampled = those schools) or {@code all}
     * (no restriction; sampled = {@code sampled} when given).
     */
    public record Source(@JsonProperty(value = "file", required = true) String file,
                         @JsonProperty("population") String population,
                         @JsonProperty("sampled") Integer sampled) {
        /** The population, {@code all} when not given. */
        public String populationOrDefault() {
            return population == null ? "all" : population;
        }
    }

    /** Instrument {@code a} against instrument {@code b}, every item asked by both. */
    public record Compare(@JsonProperty(value = "a", required = true) String a,
                          @JsonProperty(value = "b", required = true) String b,
                          @JsonProperty("title") String title) {
    }

    /**
     * The levels of {@code column} (of the instrument's file, else of the school table) compared
     * within {@code instrument}; {@code crosstab} adds counts and row percentages by level.
     */
    public record Group(@JsonProperty(value = "instrument", required = true) String instrument,
                        @JsonProperty(value = "column", required = true) String column,
                        @JsonProperty("title") String title,
                        @JsonProperty("crosstab") Boolean crosstab) {
    }
}
