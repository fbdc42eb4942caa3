package org.padlock.evaluation.placebo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Wilson intervals against R's {@code prop.test(correct = FALSE)} (reference/placebo/wilson.json); tolerance 1e-12. */
class WilsonTest {
    @Test
    void matchesR() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(Path.of("src/test/resources/reference/placebo/wilson.json").toFile()).get("cases");
        assertEquals(6, cases.size());
        for (JsonNode c : cases) {
            double[] ci = Wilson.interval(c.get("k").asInt(), c.get("n").asInt(), 0.95);
            assertEquals(c.get("low").asDouble(), ci[0], 1e-12, c.toString());
            assertEquals(c.get("high").asDouble(), ci[1], 1e-12, c.toString());
        }
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(0, 0, 0.95));
    }
}
