package org.padlock.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader's numeric columns (converted inside DuckDB) follow the contract of
 * {@link TableReader}: a column is numeric exactly when every non-missing cell, stripped of
 * surrounding white space, is a plain decimal or scientific number; its values are those of
 * {@link Double#parseDouble} bit for bit.
 */
class TableReaderNumericTest {
    @TempDir
    Path dir;

    @Test
    void valuesEqualJavasParsingBitForBit() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder("\uFEFFid,x,y\n");
        int n = 5000;
        String[] xs = new String[n];
        for (int i = 0; i < n; i++) {
            double v = r.nextDouble(-1e6, 1e6) * Math.pow(10, r.nextInt(-300, 300) / 10.0);
            xs[i] = i % 7 == 0 ? String.format(java.util.Locale.ROOT, "%.5e", v) : Double.toString(v);
            b.append("u").append(i).append(',').append(xs[i]).append(',').append(i % 3).append('\n');
        }
        Path f = dir.resolve("d.csv");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        Frame fr = TableReader.read(f, Set.of("id"));
        assertEquals(n, fr.rowCount());
        double[] x = fr.numeric("x").values();
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(xs[i])), Double.doubleToRawLongBits(x[i]), xs[i]);
        }
        assertEquals(2.0, fr.numeric("y").values()[2], 0);
        assertInstanceOf(TextColumn.class, fr.column("id"));
    }

    @Test
    void missingCellsWhiteSpaceWordsAndForcedText() throws Exception {
        Path f = dir.resolve("e.csv");
        Files.writeString(f, "id,a,b,c,d,e\n"
                + "1, 1.5 ,NA,7,x,\n"
                + "2,,2,8,1,\n"
                + "3,NA,-.5e1,9,2,\n"
                + "4,1e3,+3,1_000,3,\n");
        Frame fr = TableReader.read(f, Set.of("id", "d"));
        double[] a = fr.numeric("a").values();
        assertEquals(1.5, a[0], 0);
        assertTrue(Double.isNaN(a[1]) && Double.isNaN(a[2]));
        assertEquals(1000, a[3], 0);
        double[] bcol = fr.numeric("b").values();
        assertTrue(Double.isNaN(bcol[0]));
        assertEquals(-5, bcol[2], 0);
        assertEquals(3, bcol[3], 0);
        // "1_000" is not a number for the contract (DuckDB alone would accept it): the column stays text
        assertInstanceOf(TextColumn.class, fr.column("c"));
        assertEquals("1_000", fr.text("c").get(3));
        assertInstanceOf(TextColumn.class, fr.column("d"));
        assertEquals("1", fr.text("d").get(1));
        assertInstanceOf(NumericColumn.class, fr.column("e"));
        assertTrue(Double.isNaN(fr.numeric("e").values()[0]));
        assertInstanceOf(TextColumn.class, fr.column("id"));
    }

    @Test
    void cellsDuckDbWouldCastButTheContractRejectsOrPaddedMissingCells() throws Exception {
        Path f = dir.resolve("g.csv");
        Files.writeString(f, "id,inf,nan,big,pad,tab,blank,word,huge\n"
                + "1,1,1,1e400, NA ,\t2.5\t,  ,a,1e400\n"
                + "2,inf,nan,-Infinity,3,-1,4,b,2\n");
        Frame fr = TableReader.read(f, Set.of("id"));
        assertInstanceOf(TextColumn.class, fr.column("inf"));
        assertEquals("inf", fr.text("inf").get(1));
        assertInstanceOf(TextColumn.class, fr.column("nan"));
        // Double.parseDouble accepts "Infinity" but the contract's characters do not include letters
        assertInstanceOf(TextColumn.class, fr.column("big"));
        double[] pad = fr.numeric("pad").values();
        assertTrue(Double.isNaN(pad[0]));
        assertEquals(3, pad[1], 0);
        assertEquals(2.5, fr.numeric("tab").values()[0], 0);
        double[] blank = fr.numeric("blank").values();
        assertTrue(Double.isNaN(blank[0]));
        assertEquals(4, blank[1], 0);
        assertEquals("b", fr.text("word").get(1));
        // digits and an exponent only: a number for the contract, though it overflows to infinity
        assertEquals(Double.POSITIVE_INFINITY, fr.numeric("huge").values()[0], 0);
        assertEquals(2, fr.numeric("huge").values()[1], 0);
    }

    @Test
    void textCellsKeepQuotesCommasLineBreaksAndUnicode() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,name,n\n"
                + "007,\"Smith, J\",1\n"
                + "x\"y,\"she said \"\"hi\"\"\",2\n"
                + "3,\"two\nlines\",3\n"
                + "4, NA ,4\n"
                + "5,,5\n"
                + "6,\u00e9cole \u2013 Saint-\u00c9tienne,6\n", StandardCharsets.UTF_8);
        Frame fr = TableReader.read(f, Set.of("id"));
        assertEquals(6, fr.rowCount());
        assertEquals("007", fr.text("id").get(0));
        assertEquals("x\"y", fr.text("id").get(1));
        TextColumn name = fr.text("name");
        assertEquals("Smith, J", name.get(0));
        assertEquals("she said \"hi\"", name.get(1));
        assertEquals("two\nlines", name.get(2));
        assertEquals(null, name.get(3));
        assertEquals(null, name.get(4));
        assertEquals("\u00e9cole \u2013 Saint-\u00c9tienne", name.get(5));
        assertEquals(6, fr.numeric("n").values()[5], 0);
    }

    @Test
    void headerOnlyFileHasEmptyNumericColumns() throws Exception {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "id,a\n");
        Frame fr = TableReader.read(f, Set.of("id"));
        assertEquals(0, fr.rowCount());
        assertInstanceOf(NumericColumn.class, fr.column("a"));
    }
}
