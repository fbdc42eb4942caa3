package org.padlock.data.dfe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One Department for Education file and what kind of file it is.
 *
 * @param source the kind of file
 * @param file   the file
 */
public record DfeInput(DfeSource source, Path file) {
    public DfeInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }
}
