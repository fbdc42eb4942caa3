package org.padlock.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.report.Cell;
import org.padlock.report.Table;

/** Which columns every renderer right-aligns: the executive summary's p-values and padlock column included. */
class NumericColumnTest {
    private static boolean numeric(String... cells) {
        List<List<Cell>> body = java.util.Arrays.stream(cells).map(c -> List.of(Cell.text("row"), Cell.text(c))).toList();
        return HtmlRenderer.numericColumn(new Table("t", "t", List.of("a", "b"), body, List.of()), 1);
    }

    @Test
    void seedStyleNumbersAreNumeric() {
        assertTrue(numeric("0.72", "< 0.01"), "a p-value printed as < 0.01");
        assertTrue(numeric("3", "-"), "padlocks with '-' for subgroups, as seed 000");
        assertTrue(numeric("2202 (< 10)", "5780 (54)"));
        assertTrue(numeric("0.00 (-0.12; 0.13)", "GBP 45,987.50"));
        assertFalse(numeric("very low", "-"));
        assertFalse(numeric("not costed"));
        assertFalse(numeric("< low"));
    }
}
