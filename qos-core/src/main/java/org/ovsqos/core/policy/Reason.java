package org.ovsqos.core.policy;

/** Why an interface changed tier. */
public enum Reason {
    /** Usage stayed at or above the next tier's threshold for its trigger time. */
    ESCALATED,
    /** The penalty's time ran out. */
    EXPIRED,
    /** An operator released the interface ({@code ovs-qos release}). */
    RELEASED
}
