package org.ovsqos.ovsdb.operation;

/**
 * Open vSwitch's role-based access control refused the operation (an extension of RFC 7047,
 * see ovsdb-server(7), "RBAC").
 *
 * <p>Error string {@code "permission error"}.
 */
public final class PermissionErrorException extends OvsdbOperationException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR = "permission error";

    public PermissionErrorException(int index, Operation operation, String error, String details, String syntax) {
        super(index, operation, error, details, syntax);
    }
}
