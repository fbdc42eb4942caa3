package org.padlock.cli;

import java.io.PrintWriter;
import org.padlock.data.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} and {@code --verbose} options shared by the commands (a picocli mixin) and the
 * printing of a command's result: the JSON of {@link Json#write} on the command's stdout with
 * {@code --json}, else the command's own text.
 */
final class JsonOutput extends VerboseOption {
    @Option(names = "--json", description = "Print the JSON result on stdout.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The command's stdout. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's stderr. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** With {@code --json}: prints {@code value} as JSON on stdout, flushes and returns true; otherwise returns false. */
    boolean printJson(Object value) {
        if (!json) {
            return false;
        }
        out().print(Json.write(value));
        out().flush();
        return true;
    }

    /** Flushes stdout. */
    void flush() {
        out().flush();
    }
}
