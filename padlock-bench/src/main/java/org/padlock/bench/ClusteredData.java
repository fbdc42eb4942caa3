package org.padlock.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.padlock.data.ModelMatrix;

/**
 * Seeded synthetic pupil data for the outcome-model benchmarks: {@code n} pupils in {@code schools}
 * schools of equal size, treatment assigned to a third of the schools, a matching weight per school
 * (1 for treated schools, uniform 0.5-2 for comparison schools), {@code k} standard-normal pupil
 * covariates, a school random intercept (SD 0.3) and pupil noise (SD 1):
 * {@code y = 0.1 treat + 0.05 sum(x) + u_school + e}.
 */
public final class ClusteredData {
    public final ModelMatrix x;
    public final double[] y;
    public final double[] w;
    public final String[] school;

    private ClusteredData(ModelMatrix x, double[] y, double[] w, String[] school) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.school = school;
    }

    /** The data as a design matrix with intercept, {@code treat} and {@code x1..xk}. */
    public static ClusteredData generate(int n, int schools, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[schools];
        double[] sw = new double[schools];
        boolean[] st = new boolean[schools];
        for (int s = 0; s < schools; s++) {
            u[s] = 0.3 * gauss(r);
            st[s] = s % 3 == 0;
            sw[s] = st[s] ? 1.0 : 0.5 + 1.5 * r.nextDouble();
        }
        double[][] cols = new double[k + 2][n];
        double[] y = new double[n];
        double[] w = new double[n];
        String[] school = new String[n];
        List<String> names = new ArrayList<>(List.of("(Intercept)", "treat"));
        for (int j = 1; j <= k; j++) {
            names.add("x" + j);
        }
        for (int i = 0; i < n; i++) {
            int s = (int) ((long) i * schools / n);
            school[i] = String.format(Locale.ROOT, "S%05d", s);
            cols[0][i] = 1;
            cols[1][i] = st[s] ? 1 : 0;
            double v = 0.1 * cols[1][i] + u[s] + gauss(r);
            for (int j = 0; j < k; j++) {
                cols[j + 2][i] = Math.round(gauss(r) * 1e6) / 1e6;
                v += 0.05 * cols[j + 2][i];
            }
            y[i] = Math.round(v * 1e6) / 1e6;
            w[i] = Math.round(sw[s] * 1e4) / 1e4;
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return new ClusteredData(new ModelMatrix(names, cols, rows), y, w, school);
    }

    private static double gauss(SplittableRandom r) {
        double a = r.nextDouble();
        double b = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
    }

    /** Writes {@code school,w,treat,x1..xk,y} to a CSV file. */
    public void write(Path file) throws IOException {
        double[][] c = x.x();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder h = new StringBuilder("school,w,treat");
            for (int j = 2; j < c.length; j++) {
                h.append(",x").append(j - 1);
            }
            out.println(h.append(",y"));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < y.length; i++) {
                s.setLength(0);
                s.append(school[i]).append(',').append(w[i]).append(',').append((int) c[1][i]);
                for (int j = 2; j < c.length; j++) {
                    s.append(',').append(c[j][i]);
                }
                out.println(s.append(',').append(y[i]));
            }
        }
    }

    /** {@code java -cp ... org.padlock.bench.ClusteredData N SCHOOLS K SEED OUT.csv} */
    public static void main(String[] args) throws IOException {
        generate(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]))
                .write(Path.of(args[4]));
    }
}
