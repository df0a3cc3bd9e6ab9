package org.ovsqos.core.config;

import java.nio.charset.StandardCharsets;

/** Test shorthand: JSON written with single quotes, parsed as a config file. */
final class Json {
    private Json() {}

    static byte[] bytes(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    static ConfigResult parse(String singleQuoted) {
        return ConfigParser.parse(bytes(singleQuoted));
    }
}
