/**
 * The ovs-qos policy, pure: configuration, the tiered penalty step, the host-level policy book
 * and the state-file codec. Nothing here performs I/O, starts threads or reads a clock; time
 * arrives as an argument and decisions leave as values for the daemon to carry out.
 */
package org.ovsqos.core;
