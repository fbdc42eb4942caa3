package org.padlock.render;

import org.padlock.report.Figure;
import org.padlock.report.Table;

/** Numbers tables and figures in order of appearance, the same way in every format. */
final class Numbering {
    private int tables;
    private int figures;

    String table(Table t) {
        return "Table " + (++tables);
    }

    String figure(Figure f) {
        return "Figure " + (++figures);
    }
}
