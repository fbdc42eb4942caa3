package org.padlock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code padlock init}: write a commented study-plan template. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented study-plan template.")
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "study.yaml",
            description = "Where to write the template (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(file) && !force) {
            throw new IllegalArgumentException(file + " already exists; use --force to overwrite");
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("study-template.yaml")) {
            Files.write(file, in.readAllBytes());
        }
        System.err.println("wrote " + file + "; edit it, then: padlock validate " + file);
        return Main.OK;
    }
}
