package org.padlock.cli;

import java.io.PrintWriter;
import org.padlock.EstimationException;
import org.padlock.Version;
import org.padlock.data.DataException;
import org.padlock.data.TableReader;
import org.padlock.design.StaleDesignException;
import org.padlock.study.PlanException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes (docs/CLI.md): 0 success, 2 bad usage or plan, 3 bad data, 4 estimation
 * failed, 1 a bug. Errors are one message on stderr; a stack trace only with {@code --verbose}.
 */
@Command(name = "padlock", mixinStandardHelpOptions = true, version = "padlock " + Version.VERSION,
        description = "Quasi-experimental impact evaluation of school programmes.",
        subcommands = {DemoCommand.class, RunCommand.class, InitCommand.class, ValidateCommand.class, MatchCommand.class,
                EstimateCommand.class, DidCommand.class, MdesCommand.class, RateCommand.class, MonthsCommand.class,
                CostCommand.class, DfePanelCommand.class, PlaceboCommand.class,
                SurveyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int USAGE = 2;
    public static final int DATA = 3;
    public static final int ESTIMATION = 4;

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        // DuckDB's native library takes about half a second to unpack and load: a command that reads data
        // starts it on another core while the command line is parsed and checked, and waits for it before
        // exiting, so that no half-written copy of the library is left behind
        Thread warm = null;
        if (args.length > 0 && !NO_DATA.contains(args[0]) && java.util.Arrays.stream(args).noneMatch(HELP::contains)) {
            warm = new Thread(TableReader::warmUp, "duckdb-warm-up");
            warm.setDaemon(true);
            warm.start();
        }
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (warm != null) {
            try {
                warm.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }

    /** Commands that read no data file. */
    private static final java.util.Set<String> NO_DATA = java.util.Set.of("init", "mdes", "rate", "months", "cost", "help");
    /** Options that print help or the version instead of running the command. */
    private static final java.util.Set<String> HELP = java.util.Set.of("--help", "-h", "--version", "-V");

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr(), verbose(args)));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("padlock: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cl.execute(args);
    }

    private static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int handle(Exception ex, PrintWriter err, boolean verbose) {
        int code;
        String kind;
        if (ex instanceof DataException) {
            code = DATA;
            kind = "bad data";
        } else if (ex instanceof StaleDesignException) {
            code = DATA;
            kind = "stale design";
        } else if (ex instanceof PlanException) {
            code = USAGE;
            kind = "bad plan";
        } else if (ex instanceof EstimationException) {
            code = ESTIMATION;
            kind = "estimation failed";
        } else if (ex instanceof IllegalArgumentException && !(ex instanceof NumberFormatException)) {
            code = USAGE;
            kind = "bad usage";
        } else {
            code = BUG;
            kind = "internal error (please report)";
        }
        err.println("padlock: " + kind + ": " + ex.getMessage());
        if (ex instanceof EstimationException ee) {
            for (String d : ee.diagnostics()) {
                err.println("  - " + d);
            }
        }
        if (verbose || code == BUG) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
