package org.padlock.data.dfe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/** CSV text of a panel: plain decimals that read back exactly, RFC 4180 quoting, empty cells for missing. */
class PanelWriterTest {
    @Test
    void numbersArePlainAndExact() {
        assertEquals("100", PanelWriter.plain(100));
        assertEquals("0.0001", PanelWriter.plain(1e-4));
        assertEquals("-0.15", PanelWriter.plain(-0.15));
        assertEquals("0", PanelWriter.plain(-0.0));
        double third = 100.0 * 7 / 63;
        assertEquals(third, Double.parseDouble(PanelWriter.plain(third)));
    }

    @Test
    void csvQuotesWhereNeeded() {
        Frame f = new Frame("t", List.of(new TextColumn("URN", new String[] {"1", "2"}),
                new TextColumn("NAME", new String[] {"St Mary's, Alton", null}),
                new NumericColumn("X", new double[] {1.5, Double.NaN})));
        assertEquals("URN,NAME,X\n1,\"St Mary's, Alton\",1.5\n2,,\n", PanelWriter.csv(f));
        assertThrows(IllegalArgumentException.class, () -> PanelWriter.write(f, Path.of("out.txt")));
    }
}
