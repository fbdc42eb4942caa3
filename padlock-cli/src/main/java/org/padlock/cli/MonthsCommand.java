package org.padlock.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.padlock.eef.MonthsTable;
import org.padlock.eef.RuleTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padlock months}: months of additional progress for an effect size (EEF Toolkit table). */
@Command(name = "months", mixinStandardHelpOptions = true,
        description = "Months of additional progress for an effect size (EEF Toolkit conversion; signed integer).")
final class MonthsCommand implements Callable<Integer> {
    @Option(names = "--effect-size", required = true, paramLabel = "X") String effectSize;
    @Option(names = "--table", paramLabel = "MONTHS.yaml", description = "A replacement conversion table (default: the bundled EEF Toolkit table).")
    java.nio.file.Path table;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        double es;
        try {
            es = Double.parseDouble(effectSize.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--effect-size must be a number; found '" + effectSize + "'");
        }
        MonthsTable t = table == null ? RuleTables.months() : RuleTables.read(table, MonthsTable.class);
        int m = t.months(es);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("months", m);
        j.put("table_version", t.version());
        if (!output.printJson(j)) {
            output.out().println(m);
        }
        output.flush();
        return Main.OK;
    }
}
