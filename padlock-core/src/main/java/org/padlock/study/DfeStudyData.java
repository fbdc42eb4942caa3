package org.padlock.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.padlock.data.Frame;
import org.padlock.data.Hashing;
import org.padlock.data.dfe.ColumnMapping;
import org.padlock.data.dfe.DfeInput;
import org.padlock.data.dfe.DfeJoin;
import org.padlock.data.dfe.DfePanel;
import org.padlock.data.dfe.DfeSource;

/** The plan's {@code data.dfe} source: the same panel as {@code padlock dfe-panel}, joined onto the school table. */
final class DfeStudyData {
    private DfeStudyData() {
    }

    static Frame join(ResolvedPlan rp, Frame schools, String id, Map<String, String> hashes) {
        StudyPlan.Dfe d = rp.plan().data().dfe();
        List<DfeInput> in = new ArrayList<>();
        d.ks2().forEach(f -> in.add(new DfeInput(DfeSource.KS2, rp.resolve(f))));
        d.ks4().forEach(f -> in.add(new DfeInput(DfeSource.KS4, rp.resolve(f))));
        d.census().forEach(f -> in.add(new DfeInput(DfeSource.CENSUS, rp.resolve(f))));
        if (d.spine() != null) {
            in.add(new DfeInput(DfeSource.SPINE, rp.resolve(d.spine())));
        }
        if (d.gias() != null) {
            in.add(new DfeInput(DfeSource.GIAS, rp.resolve(d.gias())));
        }
        if (in.isEmpty()) {
            throw new PlanException(rp.planFile().getFileName() + ": data.dfe: list at least one file (ks2, ks4, census, spine, gias)");
        }
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.load(d.columns() == null ? null : rp.resolve(d.columns()));
        } catch (IllegalArgumentException e) {
            throw new PlanException(rp.planFile().getFileName() + ": data.dfe.columns: " + e.getMessage());
        }
        Frame panel = DfePanel.build(in, mapping).panel();
        for (DfeInput i : in) {
            hashes.put(i.file().getFileName().toString(), Hashing.sha256(i.file()));
        }
        if (d.columns() != null) {
            Path c = rp.resolve(d.columns());
            hashes.put(c.getFileName().toString(), Hashing.sha256(c));
        }
        return DfeJoin.onto(schools, id, panel);
    }
}
