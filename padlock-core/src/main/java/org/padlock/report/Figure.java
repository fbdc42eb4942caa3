package org.padlock.report;

import java.util.List;

/**
 * Data of a figure, with a text alternative. Renderers draw it (SVG); nothing here is visual.
 */
public sealed interface Figure {
    String id();

    String title();

    /** Text alternative for readers who cannot see the figure. */
    String alt();

    /** Histogram of propensity scores by arm, on shared bins (counts of schools or units). */
    record Overlap(String id, String title, String alt, double[] edges, int[] treated, int[] control) implements Figure {
        public Overlap {
            edges = edges.clone();
            treated = treated.clone();
            control = control.clone();
        }
    }

    /** Absolute standardised differences before and after matching (a love plot). */
    record Love(String id, String title, String alt, List<String> variables, double[] before, double[] after)
            implements Figure {
        public Love {
            variables = List.copyOf(variables);
            before = before.clone();
            after = after.clone();
        }
    }

    /** Effect sizes with 95% intervals (a forest plot); a row whose basis is small is suppressed. */
    record Forest(String id, String title, String alt, List<String> labels, double[] estimate, double[] low,
                  double[] high, int[] basis) implements Figure {
        public Forest {
            labels = List.copyOf(labels);
            estimate = estimate.clone();
            low = low.clone();
            high = high.clone();
            basis = basis.clone();
        }
    }

    /**
     * A CONSORT-style participant flow (DOMAIN.md s. 6): stages, each with the two arms side by side,
     * and exclusion boxes (with their reasons) between them. Pupil counts are -1 when the study has no
     * pupil records and {@link #SUPPRESSED} after disclosure control.
     */
    record Flow(String id, String title, String alt, List<FlowBox> boxes) implements Figure {
        /** A pupil count hidden by disclosure control. */
        public static final int SUPPRESSED = -2;

        public Flow {
            boxes = List.copyOf(boxes);
        }

        /** This flow with every pupil count in [0, threshold) replaced by {@link #SUPPRESSED}. */
        public Flow disclosed(int threshold) {
            List<FlowBox> out = new java.util.ArrayList<>();
            for (FlowBox b : boxes) {
                out.add(new FlowBox(b.label(), b.exclusion(), b.schoolsIntervention(), b.schoolsComparison(),
                        hide(b.pupilsIntervention(), threshold), hide(b.pupilsComparison(), threshold)));
            }
            return new Flow(id, title, alt, out);
        }

        private static int hide(int pupils, int threshold) {
            return pupils >= 0 && pupils < threshold ? SUPPRESSED : pupils;
        }
    }

    /** One box pair of a {@link Flow}: a stage or an exclusion, counts per arm. */
    record FlowBox(String label, boolean exclusion, int schoolsIntervention, int schoolsComparison, int pupilsIntervention,
                   int pupilsComparison) {
    }
}
