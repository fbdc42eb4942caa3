package org.padlock.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real national panel behind {@link SchoolDidDemo}: every state-funded primary school of the
 * January 2019 census ({@code SCHOOLTYPE = State-funded primary}) joined on URN with its KS2 results
 * of 2015-16 and 2016-17, kept when all of these are present: reading and maths average scaled score
 * and progress in both years, KS2 pupils 2017, census NOR, PNUMFSMEVER, PNUMEAL, PSENELSE and LA.
 * The 2017-18 results (the outcome year) are attached where they exist and may be missing.
 * Schools are in ascending URN order. Arrays are shared, never modified after loading.
 */
final class DidPanel {
    final int n;
    final long[] urn;
    final double[] read16, mat16, read17, mat17, pupils17, nor, fsmEver, eal, sen, read18, mat18;
    final int[] la, fsmQuintile;
    final String[] region;
    /** Upper cut points of FSM-ever quintiles 1-4 (type-7 sample quantiles at 0.2, 0.4, 0.6, 0.8). */
    final double[] quintileCuts;

    private static final class Holder {
        static final DidPanel PANEL = load();
    }

    private DidPanel(List<double[]> rows, List<Long> urns) {
        n = rows.size();
        urn = new long[n];
        read16 = new double[n];
        mat16 = new double[n];
        read17 = new double[n];
        mat17 = new double[n];
        pupils17 = new double[n];
        nor = new double[n];
        fsmEver = new double[n];
        eal = new double[n];
        sen = new double[n];
        read18 = new double[n];
        mat18 = new double[n];
        la = new int[n];
        region = new String[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            urn[i] = urns.get(i);
            read16[i] = r[0];
            mat16[i] = r[1];
            read17[i] = r[2];
            mat17[i] = r[3];
            pupils17[i] = r[4];
            nor[i] = r[5];
            fsmEver[i] = r[6];
            eal[i] = r[7];
            sen[i] = r[8];
            la[i] = (int) r[9];
            read18[i] = r[10];
            mat18[i] = r[11];
            region[i] = Regions.of(la[i]);
        }
        double[] sorted = fsmEver.clone();
        Arrays.sort(sorted);
        quintileCuts = new double[4];
        for (int k = 1; k <= 4; k++) {
            double h = (n - 1) * k / 5.0;
            int lo = (int) Math.floor(h);
            quintileCuts[k - 1] = sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
        }
        fsmQuintile = new int[n];
        for (int i = 0; i < n; i++) {
            int q = 1;
            while (q <= 4 && fsmEver[i] > quintileCuts[q - 1]) {
                q++;
            }
            fsmQuintile[i] = q;
        }
    }

    /** The panel, read once per class loader from the bundled files. */
    static DidPanel get() {
        return Holder.PANEL;
    }

    private static DidPanel load() {
        Map<String, double[]> ks16 = results(DfeCsv.resource("dfe/wk_ks2_2016.csv"));
        Map<String, double[]> ks17 = results(DfeCsv.resource("dfe/wk_ks2_2017.csv"));
        Map<String, double[]> ks18 = results(DfeCsv.resource("dfe/wk_ks2_2018.csv"));
        DfeCsv census = DfeCsv.resource("dfe/ksp_england_census.csv");
        List<Long> urns = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < census.rows(); i++) {
            if (!"State-funded primary".equals(census.text(i, "SCHOOLTYPE"))) {
                continue;
            }
            String u = census.text(i, "URN");
            double[] a = ks16.get(u), b = ks17.get(u);
            if (a == null || b == null || !u.matches("[0-9]+")) {
                continue;
            }
            double[] c = ks18.getOrDefault(u, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            double[] row = {a[0], a[1], b[0], b[1], b[4],
                    census.number(i, "NOR"), census.number(i, "PNUMFSMEVER"), census.number(i, "PNUMEAL"),
                    census.number(i, "PSENELSE"), census.number(i, "LA"), c[0], c[1]};
            boolean complete = !Double.isNaN(a[2]) && !Double.isNaN(a[3]) && !Double.isNaN(b[2]) && !Double.isNaN(b[3]);
            for (int j = 0; j < 10; j++) {
                complete &= !Double.isNaN(row[j]);
            }
            if (complete) {
                urns.add(Long.parseLong(u));
                rows.add(row);
            }
        }
        Integer[] order = new Integer[urns.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(urns.get(x), urns.get(y)));
        List<Long> su = new ArrayList<>(order.length);
        List<double[]> sr = new ArrayList<>(order.length);
        for (int i : order) {
            if (!su.isEmpty() && su.get(su.size() - 1).equals(urns.get(i))) {
                throw new IllegalStateException("census: duplicate URN " + urns.get(i));
            }
            su.add(urns.get(i));
            sr.add(rows.get(i));
        }
        return new DidPanel(sr, su);
    }

    /** URN to {reading score, maths score, reading progress, maths progress, KS2 pupils}. */
    private static Map<String, double[]> results(DfeCsv f) {
        Map<String, double[]> out = new HashMap<>(f.rows() * 2);
        for (int i = 0; i < f.rows(); i++) {
            double[] v = {f.number(i, "Reading Score"), f.number(i, "Maths Score"), f.number(i, "Reading Progress"),
                    f.number(i, "Maths Progress"), f.number(i, "KS2 Pupils")};
            if (out.put(f.text(i, "URN"), v) != null) {
                throw new IllegalStateException("duplicate URN " + f.text(i, "URN") + " in a KS2 file");
            }
        }
        return out;
    }

    /** Row index of {@code urn}, or -1. */
    int indexOf(long u) {
        int i = Arrays.binarySearch(urn, u);
        return i >= 0 ? i : -1;
    }
}
