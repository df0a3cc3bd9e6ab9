/**
 * The tiered penalty policy: {@link org.ovsqos.core.policy.TierPolicy} is one interface's pure
 * step, {@link org.ovsqos.core.policy.PolicyBook} the host-level aggregate the daemon drives.
 */
package org.ovsqos.core.policy;
