package org.ovsqos.daemon.cli;

import java.nio.file.Path;

/**
 * The seam {@code validate-config} calls: qos-core's config parser, adapted. The command reads
 * the file (qos-core does no I/O) and prints the report; the validator only judges the bytes.
 */
@FunctionalInterface
public interface ConfigValidator {

    /**
     * @param source  the file the bytes came from, for messages
     * @param content the file's bytes
     */
    ConfigReport validate(Path source, byte[] content);
}
