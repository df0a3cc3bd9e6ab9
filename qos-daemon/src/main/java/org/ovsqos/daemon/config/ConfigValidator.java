package org.ovsqos.daemon.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The seam {@code validate-config} calls: the daemon's own reading of the config file (the same
 * size limit, regular files only) and qos-core's parser, adapted; the command prints the report.
 */
@FunctionalInterface
public interface ConfigValidator {

    /**
     * Reads and judges {@code file}.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when the daemon could not read it either: not a regular file, over the
     *     size limit, or unreadable
     */
    ConfigReport validate(Path file) throws IOException;
}
