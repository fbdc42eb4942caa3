package org.padlock.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.padlock.Reference;
import org.padlock.data.DataException;
import org.padlock.study.PlanException;

/** Bad survey input: each rule broken gives an error naming the file, row, column and rule. */
class SurveyValidationTest {
    static final SurveySpec SPEC = SurveySpec.load(Reference.file("survey/instruments.yaml"));

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void responseOutOfRange() throws IOException {
        Path f = csv("final.csv", "id,status,item_a,item_b,item_c\nA,completed,4,5,1\nB,withdrawn,4,7,2\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(SPEC, "final", f));
        assertEquals("final.csv", e.file());
        assertEquals(2, e.row());
        assertEquals("item_b", e.column());
        assertTrue(e.getMessage().contains("response out of range") && e.getMessage().contains("found 7"), e.getMessage());
    }

    @Test
    void nonIntegerResponse() throws IOException {
        Path f = csv("final.csv", "id,status,item_a,item_b,item_c\nA,completed,4.5,5,1\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(SPEC, "final", f));
        assertEquals(1, e.row());
        assertEquals("item_a", e.column());
    }

    @Test
    void itemMissingFromInstrument() throws IOException {
        Path f = csv("final.csv", "id,status,item_a,item_c\nA,completed,4,1\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(SPEC, "final", f));
        assertEquals("item_b", e.column());
        assertEquals(0, e.row());
        assertTrue(e.getMessage().contains("5.1.2") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void groupingWithOneLevel() throws IOException {
        Path f = csv("final.csv", "id,status,region,item_a,item_b,item_c\nA,completed,north,4,5,1\nB,withdrawn,north,3,2,1\n");
        SurveyResponses r = SurveyResponses.read(SPEC, "final", f);
        DataException e = assertThrows(DataException.class, () -> r.groups("region", null, null));
        assertEquals("region", e.column());
        assertTrue(e.getMessage().contains("at least two levels") && e.getMessage().contains("'north'"), e.getMessage());
    }

    @Test
    void unknownRoute() throws IOException {
        Path f = csv("final.csv", "id,status,item_a,item_b,item_c\nA,completed,4,5,1\nB,dropped,4,5,1\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(SPEC, "final", f));
        assertEquals(2, e.row());
        assertEquals("status", e.column());
        assertTrue(e.getMessage().contains("routing"), e.getMessage());
    }

    @Test
    void duplicateRespondent() throws IOException {
        Path f = csv("final.csv", "id,status,item_a,item_b,item_c\nA,completed,4,5,1\nA,withdrawn,4,5,1\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(SPEC, "final", f));
        assertEquals(2, e.row());
        assertEquals("id", e.column());
    }

    @Test
    void answerOutsideItsRoute() throws IOException {
        Path spec = csv("routed.yaml", """
                scale: {points: [1, 2, 3, 4, 5], agree: [4, 5], disagree: [1, 2], dont_know: [9]}
                instruments:
                  - {name: final, id: id, routing: {column: status, values: [completed, withdrawn]}}
                items:
                  - {key: item_a, codes: {final: "5.1"}, route: withdrawn}
                """);
        SurveySpec s = SurveySpec.load(spec);
        Path f = csv("final.csv", "id,status,item_a\nA,withdrawn,4\nB,completed,\nC,completed,2\n");
        DataException e = assertThrows(DataException.class, () -> SurveyResponses.read(s, "final", f));
        assertEquals(3, e.row());
        assertEquals("item_a", e.column());
        assertTrue(e.getMessage().contains("asked only of 'withdrawn'"), e.getMessage());
    }

    @Test
    void specErrorsNameTheKey() throws IOException {
        Path spec = csv("bad.yaml", """
                scale: {points: [1, 2, 3, 4, 5], agree: [4, 6], disagree: [1, 2], dont_know: [3]}
                instruments:
                  - {name: final, id: id}
                items:
                  - {key: item_a, codes: {final: "5.1", matched: "4.1"}}
                """);
        PlanException e = assertThrows(PlanException.class, () -> SurveySpec.load(spec));
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.yaml: "), m);
        assertTrue(m.contains("scale.agree") && m.contains("scale.dont_know") && m.contains("unknown instrument 'matched'"), m);
    }

    @Test
    void unknownKeyInSpec() throws IOException {
        Path spec = csv("typo.yaml", """
                scale: {points: [1, 2], agree: [2], disagree: [1], dontknow: [9]}
                instruments: [{name: final, id: id}]
                items: [{key: a, codes: {final: "1"}}]
                """);
        PlanException e = assertThrows(PlanException.class, () -> SurveySpec.load(spec));
        assertTrue(e.getMessage().contains("unknown key 'dontknow'"), e.getMessage());
    }
}
