package org.ovsqos.core.config;

/** How bad a configuration problem is. */
public enum Severity {
    /** The value was replaced by its default (or dropped); the configuration is still usable. */
    WARNING,
    /** The configuration cannot be used at all. */
    ERROR
}
