package org.ovsqos.docker;

/**
 * A guest sending TCP as fast as it can (iperf3) to another guest through the bridge: the
 * sender's upstream, counted by ovs-vswitchd as {@code rx_bytes} of its interface. Here that is
 * several hundred Mbit/s. The kernel has no tc police action, so a limit the daemon sets is not
 * enforced on the wire and the flood keeps its pace: the OVSDB columns are the contract under
 * test, and on a production host the kernel enforces them.
 */
final class Flood implements AutoCloseable {
    private static final int PORT = 5201;

    private final OvsContainer ovs;
    private final Guest from;
    private boolean stopped;

    private Flood(OvsContainer ovs, Guest from) {
        this.ovs = ovs;
        this.from = from;
    }

    /** Starts the flood; returns once the receiver listens and the sender is running. */
    static Flood start(OvsContainer ovs, Guest from, Guest to) {
        // The receiver must listen before the sender connects, or the sender gives up at once.
        ovs.sh("ip netns exec " + to.netns() + " iperf3 -s -D -p " + PORT
                + " && timeout 10 sh -c 'until ip netns exec " + to.netns() + " ss -Hltn \"sport = :" + PORT
                + "\" | grep -q .; do sleep 0.1; done'");
        // In the background, detached from this exec, for longer than any test runs.
        ovs.sh("setsid ip netns exec " + from.netns() + " iperf3 -c " + to.ip() + " -p " + PORT
                + " -t 3600 </dev/null >/dev/null 2>&1 &");
        return new Flood(ovs, from);
    }

    /** Stops the sender; the receiver stays, idle. Nothing to do once the container is gone. */
    @Override
    public void close() {
        if (!stopped && ovs.isRunning()) {
            ovs.sh("ip netns pids " + from.netns() + " | xargs -r kill");
        }
        stopped = true;
    }
}
