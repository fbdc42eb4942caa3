package org.padlock.data.dfe;

import java.util.List;
import org.padlock.data.Frame;

/**
 * The joined panel and what each file contributed.
 *
 * @param panel one row per school ({@code URN}, text, sorted numerically), one column per measure and year
 * @param files one summary per input file, in input order
 */
public record DfePanelResult(Frame panel, List<DfeFileSummary> files) {
    public DfePanelResult {
        files = List.copyOf(files);
    }
}
