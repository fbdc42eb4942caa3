package org.padlock.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV whose rows do not all have the header's number of fields, or with a quote never closed, is
 * reported with the first such row (DuckDB's sniffer otherwise gives "no data rows" or a dialect
 * error); well-formed files with quoted commas and line breaks, CRLF line ends and blank lines read
 * as before.
 */
class CsvShapeTest {
    @TempDir
    Path dir;

    private DataException error(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return assertThrows(DataException.class, () -> TableReader.read(f, Set.of("id")));
    }

    @Test
    void shortLongAndUnclosedRowsAreNamed() throws Exception {
        String rule = "every row needs one value per column (an empty value for a missing one), and a value holding a"
                + " comma must be in double quotes";
        // the sniffer takes the last, longer line for the header and reads no rows
        assertEquals("short.csv: row 2 (line 3): has 3 fields where the header has 4; " + rule,
                error("short.csv", "id,treat,x,f\na,1,0.5,x\nb,0,0.7\nc,0,0.1,z,9\n").getMessage());
        // the sniffer gives up
        assertEquals("long.csv: row 3 (line 4): has 5 fields where the header has 4; " + rule,
                error("long.csv", "id,treat,x,f\na,1,0.5,x\nb,0,0.7,y\nc,0,0.1,z,9\nd,1,0.2,w\n").getMessage());
        // CRLF line ends, a quoted comma before the short row
        assertEquals("crlf.csv: row 3 (line 4): has 3 fields where the header has 4; " + rule,
                error("crlf.csv", "id,treat,x,f\r\na,1,0.5,\"x,1\"\r\nb,0,\"0.7\",y\r\nc,0,0.1\r\nd,1,0.2,w\r\n").getMessage());
        assertEquals("open.csv: row 1 (line 2): a double quote opened in this row is never closed; a quote inside a quoted"
                + " value must be doubled (\"\")", error("open.csv", "id,treat,x,f\na,1,0.5,\"x\nb,0,0.7,y\nc,0,0.1,z\n").getMessage());
    }

    @Test
    void quotedCommasLineBreaksAndBlankLinesAreFine() throws Exception {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "id,x,f\r\na,1,\"p, \"\"q\"\"\nr\"\r\n\r\nb,2,s\r\n\r\n");
        Frame fr = TableReader.read(f, Set.of("id"));
        assertEquals(2, fr.rowCount());
        assertEquals("p, \"q\"\nr", fr.text("f").get(0));
        assertEquals(2.0, fr.numeric("x").get(1));
    }
}
