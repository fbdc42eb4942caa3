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
}
