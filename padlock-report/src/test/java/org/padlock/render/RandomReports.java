package org.padlock.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.padlock.report.Cell;
import org.padlock.report.Figure;
import org.padlock.report.ReportModel;
import org.padlock.report.Section;
import org.padlock.report.Table;

/**
 * Seeded random report models for the disclosure proofs. The structure (sections, tables, which
 * cells rest on few pupils) comes from {@code structureSeed}; the values of cells and figure rows
 * resting on fewer pupils than the threshold come from {@code variant}: two variants of one
 * structure differ in every small value (and small basis) and agree everywhere else.
 */
final class RandomReports {
    /** Text placed in small-basis text cells; must never reach an output. */
    static final String SECRET = "SECRETCELL";
    /** Text placed in large-basis text cells; must reach every output (the positive control). */
    static final String VISIBLE = "VISIBLECELL";

    private RandomReports() {
    }

    static ReportModel model(long structureSeed, int variant) {
        SplittableRandom r = new SplittableRandom(structureSeed);
        int threshold = 2 + r.nextInt(19);
        List<Section> sections = new ArrayList<>();
        int ns = 1 + r.nextInt(4);
        for (int s = 0; s < ns; s++) {
            List<String> paras = new ArrayList<>();
            for (int p = r.nextInt(3); p > 0; p--) {
                paras.add("Paragraph " + s + "." + p + " about the design.");
            }
            List<Table> tables = new ArrayList<>();
            for (int t = r.nextInt(4); t > 0; t--) {
                tables.add(table(r, "t" + s + "-" + t, threshold, variant));
            }
            List<Figure> figures = new ArrayList<>();
            for (int f = r.nextInt(3); f > 0; f--) {
                figures.add(figure(r, "f" + s + "-" + f, threshold, variant));
            }
            sections.add(new Section("s" + s, "Section " + s, paras, tables, figures));
        }
        return new ReportModel("Random report " + structureSeed, "threshold " + threshold, sections, threshold, false);
    }

    private static Table table(SplittableRandom r, String id, int threshold, int variant) {
        int cols = 2 + r.nextInt(5);
        int nr = 1 + r.nextInt(8);
        List<String> header = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            header.add("Column " + j);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text("Row " + i));
            for (int j = 1; j < cols; j++) {
                row.add(cell(r, threshold, variant, i == 0 && j == 1));
            }
            rows.add(row);
        }
        return new Table(id, "Caption of " + id, header, rows, List.of("Note on " + id + ": controls, SE method, weights."));
    }

    /** One cell; {@code visible} forces a large-basis text cell (every table has one). */
    private static Cell cell(SplittableRandom r, int threshold, int variant, boolean visible) {
        int kind = visible ? 5 : r.nextInt(7);
        boolean small = r.nextInt(3) == 0;
        int smallBasis = r.nextInt(threshold - 1) + (variant - 1);
        int largeBasis = threshold + r.nextInt(500);
        int decimals = r.nextInt(4);
        double secret = 1000 * (2 * variant - 1) + r.nextInt(1000) + 0.123456;
        double value = r.nextDouble() * 10 - 5;
        return switch (kind) {
            case 0 -> Cell.text("plain text");
            case 1 -> Cell.number(value, decimals);
            case 2 -> Cell.count(r.nextInt(40));
            case 3 -> small ? Cell.pupils(smallBasis) : Cell.pupils(largeBasis);
            case 4 -> small ? Cell.number(secret, decimals, smallBasis) : Cell.number(value, decimals, largeBasis);
            case 5 -> small && !visible ? new Cell(SECRET + variant, Double.NaN, -1, smallBasis, false)
                    : new Cell(VISIBLE, Double.NaN, -1, largeBasis, false);
            default -> small ? new Cell(String.format(Locale.ROOT, "%d (%d)", smallBasis, variant), Double.NaN, -1, smallBasis, false)
                    : Cell.number(value, decimals, -1);
        };
    }

    private static Figure figure(SplittableRandom r, String id, int threshold, int variant) {
        int kind = r.nextInt(3);
        int n = 1 + r.nextInt(8);
        if (kind == 0) {
            double[] edges = new double[n + 1];
            int[] t = new int[n];
            int[] c = new int[n];
            for (int i = 0; i <= n; i++) {
                edges[i] = i / (double) n;
            }
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(30);
                c[i] = r.nextInt(30);
            }
            return new Figure.Overlap(id, "Overlap " + id, "Histogram " + id, edges, t, c);
        }
        List<String> labels = new ArrayList<>();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] smd = new double[n];
        int[] basis = new int[n];
        for (int i = 0; i < n; i++) {
            labels.add("Row " + i);
            boolean small = r.nextInt(3) == 0;
            double est = r.nextDouble() - 0.5;
            smd[i] = Math.abs(est);
            double secret = 7 * (2 * variant - 1) + r.nextDouble();
            basis[i] = small ? r.nextInt(threshold - 1) + (variant - 1) : threshold + r.nextInt(100);
            a[i] = small ? secret : est;
            b[i] = small ? secret - 1 : est - 0.2;
            c[i] = small ? secret + 1 : est + 0.2;
        }
        if (kind == 1) {
            return new Figure.Forest(id, "Forest " + id, "Effect sizes " + id, labels, a, b, c, basis);
        }
        return new Figure.Love(id, "Love " + id, "Balance " + id, labels, smd, smd);
    }
}
