package org.ovsqos.docker;

/**
 * A stand-in for a KVM guest inside the OVS container: a network namespace whose eth0 is the
 * peer of a host-side veth named like a libvirt tap, {@code kvm<ID>.0}, plugged into the bridge.
 * Traffic the guest sends is {@code rx} on that interface: the guest's upstream.
 */
record Guest(int id) {
    Guest {
        if (id < 101 || id > 199) {
            throw new IllegalArgumentException("guest ids are 101..199 (they become 10.9.0.1..99): " + id);
        }
    }

    String iface() {
        return "kvm" + id + ".0";
    }

    String netns() {
        return "vm" + id;
    }

    String ip() {
        return "10.9.0." + (id - 100);
    }

    String cidr() {
        return ip() + "/24";
    }
}
