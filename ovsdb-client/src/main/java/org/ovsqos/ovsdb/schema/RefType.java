package org.ovsqos.ovsdb.schema;

/**
 * How a UUID column that names another table's rows holds them (RFC 7047 section 3.2,
 * {@code refType}): a strong reference keeps the target alive and may not dangle; a weak one is
 * dropped by the server when its target is deleted.
 */
public enum RefType {
    STRONG("strong"),
    WEAK("weak");

    private final String jsonName;

    RefType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
