package org.padlock.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option shared by the commands (a picocli mixin). {@link Main#execute} reads
 * it from the arguments to decide whether an error shows its stack trace (docs/CLI.md).
 */
class VerboseOption {
    @Option(names = "--verbose", description = "Show stack traces on errors; match also prints the time of each step on stderr.")
    boolean verbose;
}
