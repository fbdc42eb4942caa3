package org.padlock.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.data.dfe.ColumnMapping;
import org.padlock.data.dfe.DfeFileSummary;
import org.padlock.data.dfe.DfeInput;
import org.padlock.data.dfe.DfePanel;
import org.padlock.data.dfe.DfePanelResult;
import org.padlock.data.dfe.DfeSource;
import org.padlock.data.dfe.PanelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock dfe-panel}: the Department for Education's own files to one row per school (docs/CLI.md). */
@Command(name = "dfe-panel", mixinStandardHelpOptions = true,
        description = "Read DfE performance tables, census, spine and GIAS files as published; write one row per school (URN).")
final class DfePanelCommand implements Callable<Integer> {
    @Option(names = "--ks2", split = ",", paramLabel = "FILE", description = "KS2 performance tables (any years, any local authorities)")
    List<Path> ks2 = new ArrayList<>();
    @Option(names = "--ks4", split = ",", paramLabel = "FILE", description = "KS4 performance tables")
    List<Path> ks4 = new ArrayList<>();
    @Option(names = "--census", split = ",", paramLabel = "FILE", description = "School census files (one or more years)")
    List<Path> census = new ArrayList<>();
    @Option(names = "--spine", paramLabel = "FILE", description = "School information spine")
    Path spine;
    @Option(names = "--gias", paramLabel = "FILE", description = "Get Information About Schools extract")
    Path gias;
    @Option(names = "--columns", paramLabel = "MAPPING.yaml",
            description = "Column mapping merged over the shipped one (" + ColumnMapping.RESOURCE + ")")
    Path columns;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .csv or .parquet")
    Path out;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        if (ks2.isEmpty() && ks4.isEmpty()) {
            throw new IllegalArgumentException("give --ks2 or --ks4 (performance tables); census, spine and GIAS files are joined onto them");
        }
        List<DfeInput> in = new ArrayList<>();
        ks2.forEach(f -> in.add(new DfeInput(DfeSource.KS2, f)));
        ks4.forEach(f -> in.add(new DfeInput(DfeSource.KS4, f)));
        census.forEach(f -> in.add(new DfeInput(DfeSource.CENSUS, f)));
        if (spine != null) {
            in.add(new DfeInput(DfeSource.SPINE, spine));
        }
        if (gias != null) {
            in.add(new DfeInput(DfeSource.GIAS, gias));
        }
        ColumnMapping mapping = ColumnMapping.load(columns);
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            throw new IllegalArgumentException("--out must end in .csv or .parquet; found " + out.getFileName());
        }
        DfePanelResult r = DfePanel.build(in, mapping);
        PanelWriter.write(r.panel(), out);
        if (!output.printJson(summary(r))) {
            output.err().println("padlock: " + r.panel().rowCount() + " schools, " + (r.panel().names().size() - 1)
                    + " columns -> " + out);
        }
        return Main.OK;
    }

    static Map<String, Object> summary(DfePanelResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schools", r.panel().rowCount());
        m.put("columns", r.panel().names());
        List<Map<String, Object>> files = new ArrayList<>();
        for (DfeFileSummary s : r.files()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", s.file());
            f.put("source", s.source());
            f.put("year", s.year());
            f.put("rows_read", s.rowsRead());
            f.put("school_rows", s.schoolRows());
            f.put("aggregate_rows_dropped", s.aggregateRows());
            f.put("missing_by_code", s.missingByCode());
            f.put("missing_by_column", s.missingByColumn());
            f.put("measures_absent", s.measuresAbsent());
            files.add(f);
        }
        m.put("files", files);
        return m;
    }
}
