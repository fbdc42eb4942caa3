package org.padlock.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.padlock.Reference;
import org.padlock.data.Frame;
import org.padlock.data.TableReader;

/**
 * One-way ANOVA ICC against R's aov mean squares (reference/power/icc_reference.json, on
 * reference/cluster/cluster_data.csv). Tolerance 1e-12 absolute.
 */
class IccTest {
    @Test
    void agreesWithRAov() {
        JsonNode ref = Reference.json("power/icc_reference.json");
        Frame f = TableReader.read(Reference.file("cluster/cluster_data.csv"), Set.of("school", "pupil"));
        double icc = Icc.oneWayAnova(f.numeric("y").values(), f.text("school").values());
        assertEquals(ref.get("icc").asDouble(), icc, 1e-12);
    }

    @Test
    void balancedByHand() {
        // groups {1,3} and {5,7}: MSB = 16, MSW = 2, n0 = 2 -> (16 - 2) / (16 + 2) = 7/9
        double icc = Icc.oneWayAnova(new double[] {1, 3, 5, 7, Double.NaN}, new String[] {"a", "a", "b", "b", "b"});
        assertEquals(7.0 / 9, icc, 1e-15);
        // no between-group differences: MSB = 0 -> negative estimate, -1/(n0-1)
        assertEquals(-1.0, Icc.oneWayAnova(new double[] {1, 3, 1, 3}, new String[] {"a", "a", "b", "b"}), 1e-15);
        assertTrue(Double.isNaN(Icc.oneWayAnova(new double[] {1, 2}, new String[] {"a", "a"})));
    }
}
