package org.padlock.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.eef.Attrition;

/**
 * {@link Json}'s property order does not depend on reflection: a record's components come in their
 * declared order and its derived {@code @JsonProperty} methods after them, sorted by name (the order of
 * {@code getDeclaredMethods} differs between JVM runs with and without the launcher's class-data archive).
 */
class JsonOrderTest {
    /** Components named against the alphabet; derived properties whose JSON names sort against their methods'. */
    record Sample(@JsonProperty("zz") int zz, @JsonProperty("aa") int aa) {
        @JsonProperty("b_second")
        public int alpha() {
            return 2;
        }

        @JsonProperty("a_first")
        public int zeta() {
            return 1;
        }
    }

    private static List<String> keys(Object value) throws Exception {
        List<String> keys = new ArrayList<>();
        Json.mapper().readTree(Json.write(value)).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void derivedPropertiesSortedByTheirJsonNamesAfterTheComponents() throws Exception {
        assertEquals(List.of("zz", "aa", "a_first", "b_second"), keys(new Sample(3, 4)));
    }

    @Test
    void recordComponentsInDeclaredOrderThenDerivedPropertiesByName() throws Exception {
        Attrition a = new Attrition("schools", 424, 424, 423, 420);
        assertEquals(List.of("unit", "allocated_intervention", "allocated_comparison", "analysed_intervention",
                "analysed_comparison", "attrition", "attrition_comparison", "attrition_intervention"), keys(a));
        JsonNode j = Json.mapper().readTree(Json.write(a));
        assertEquals(1 - 420.0 / 424, j.get("attrition_comparison").asDouble(), 1e-15);
    }
}
