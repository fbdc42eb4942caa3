package org.padlock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.padlock.data.Column;
import org.padlock.data.Frame;
import org.padlock.data.NumericColumn;
import org.padlock.data.TextColumn;

/**
 * Seeded synthetic design data for benchmarks: {@code treated} treated and {@code controls} control
 * units, seven numeric covariates {@code x1..x7} and a five-level factor {@code f}; treatment
 * selection on the covariates (treated shifted by 0.5 SD on x1 and x3, -0.5 SD on x2, and half
 * as often at level a of f, twice as often at level e). Run as a program it writes the CSV that the
 * side-by-side script gives to padlock and to R: {@code SyntheticData TREATED CONTROLS SEED OUT.csv}.
 */
public final class SyntheticData {
    /** The covariates, as given to {@code padlock match --covariates}. */
    public static final List<String> COVARIATES = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "f");

    private SyntheticData() {
    }

    /** The data as a frame (columns id, treat, x1..x7, f). */
    public static Frame frame(int treated, int controls, long seed) {
        int n = treated + controls;
        SplittableRandom r = new SplittableRandom(seed);
        String[] id = new String[n];
        double[] t = new double[n];
        double[][] x = new double[7][n];
        String[] f = new String[n];
        String[] levels = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < n; i++) {
            boolean tr = i < treated;
            id[i] = "u" + i;
            t[i] = tr ? 1 : 0;
            double shift = tr ? 0.5 : 0;
            for (int j = 0; j < 7; j++) {
                x[j][i] = r.nextGaussian() + (j < 3 ? shift * (j == 1 ? -1 : 1) : 0);
            }
            // treated lean to the later levels, every level occurs in both groups (no separation)
            int lv = r.nextInt(5);
            if (tr && lv == 0 && r.nextBoolean()) {
                lv = 4;
            }
            f[i] = levels[lv];
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new TextColumn("id", id));
        cols.add(new NumericColumn("treat", t));
        for (int j = 0; j < 7; j++) {
            cols.add(new NumericColumn("x" + (j + 1), x[j]));
        }
        cols.add(new TextColumn("f", f));
        return new Frame("synthetic", cols);
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: SyntheticData TREATED CONTROLS SEED OUT.csv");
            System.exit(2);
        }
        Frame fr = frame(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
        try (Writer w = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            w.write(String.join(",", fr.names()));
            w.write('\n');
            List<Column> cols = fr.columns();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fr.rowCount(); i++) {
                sb.setLength(0);
                for (int c = 0; c < cols.size(); c++) {
                    sb.append(c == 0 ? "" : ",").append(cols.get(c).text(i));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
