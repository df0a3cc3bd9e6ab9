/**
 * The state file: versioned JSON holding every {@link org.ovsqos.core.policy.StateRecord}, read
 * record by record so that damage costs only the damaged records.
 */
package org.ovsqos.core.state;
