package org.ovsqos.daemon;

/** Entry point of {@code ovs-qos}; the command line is built in a later step. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("ovs-qos: not implemented yet");
        System.exit(2);
    }
}
