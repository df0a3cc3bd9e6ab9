package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ovsqos.ovsdb.client.ClientFixture.VSWITCH;
import static org.ovsqos.ovsdb.client.ClientFixture.WITHIN;
import static org.ovsqos.ovsdb.client.ClientFixture.failure;
import static org.ovsqos.ovsdb.client.ClientFixture.get;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ovsqos.ovsdb.OvsdbRpcException;
import org.ovsqos.ovsdb.operation.EmptyResult;
import org.ovsqos.ovsdb.operation.NotOwnerException;
import org.ovsqos.ovsdb.operation.Operation;

/**
 * {@code lock}, {@code steal} and {@code unlock} (RFC 7047 section 4.1.8) between two clients of a
 * real ovsdb-server, with the {@code locked} and {@code stolen} notifications (sections 4.1.9,
 * 4.1.10) and the {@code assert} operation (section 5.2.10) as the proof of ownership.
 */
class LockIT extends AgainstOvsdbServer {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aQueuedLockIsGrantedWhenTheOwnerUnlocks(Transport transport) {
        String lock = "queued_" + transport;
        OvsdbClient owner = clients.connect(transport.of(server));
        OvsdbClient waiter = clients.connect(transport.of(server));
        Events waiterEvents = new Events(waiter);

        assertThat(get(owner.lock(lock))).isTrue();
        assertThat(get(waiter.lock(lock))).as("queued behind the owner").isFalse();
        assertThat(owns(owner, lock)).isTrue();
        assertThat(owns(waiter, lock)).isFalse();

        get(owner.unlock(lock));

        await().atMost(WITHIN).until(() -> waiterEvents.seen.contains("locked " + lock));
        assertThat(owns(waiter, lock)).isTrue();
        assertThat(owns(owner, lock)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void stealTakesTheLockAndTheVictimGetsItBackWhenTheThiefUnlocks(Transport transport) {
        String lock = "stolen_" + transport;
        OvsdbClient victim = clients.connect(transport.of(server));
        OvsdbClient thief = clients.connect(transport.of(server));
        Events victimEvents = new Events(victim);
        assertThat(get(victim.lock(lock))).isTrue();

        get(thief.steal(lock));

        await().atMost(WITHIN).until(() -> victimEvents.seen.contains("stolen " + lock));
        assertThat(owns(thief, lock)).isTrue();
        assertThat(owns(victim, lock)).isFalse();

        get(thief.unlock(lock));

        await().atMost(WITHIN).until(() -> victimEvents.seen.contains("locked " + lock));
        assertThat(victimEvents.seen).containsExactly("stolen " + lock, "locked " + lock);
        assertThat(owns(victim, lock)).isTrue();
    }

    @Test
    void askingTwiceForTheSameLockIsAnError() {
        OvsdbClient client = clients.connect(server.unixEndpoint());
        assertThat(get(client.lock("twice"))).isTrue();

        OvsdbRpcException e = failure(client.lock("twice"), OvsdbRpcException.class);

        assertThat(e.details()).contains("must issue \"unlock\" before new \"lock\"");
    }

    @Test
    void aLockDiesWithItsConnection() {
        OvsdbClient owner = clients.connect(server.unixEndpoint());
        OvsdbClient waiter = clients.connect(server.tcpEndpoint());
        Events waiterEvents = new Events(waiter);
        assertThat(get(owner.lock("mortal"))).isTrue();
        assertThat(get(waiter.lock("mortal"))).isFalse();

        owner.close();

        await().atMost(WITHIN).until(() -> waiterEvents.seen.contains("locked mortal"));
        assertThat(owns(waiter, "mortal")).isTrue();
    }

    /** Whether the server agrees that {@code client} holds {@code lock}: {@code assert} passes. */
    private static boolean owns(OvsdbClient client, String lock) {
        try {
            return get(client.transact(VSWITCH, Operation.assertLock(lock))).equals(List.of(EmptyResult.INSTANCE));
        } catch (AssertionError e) {
            if (e.getCause() != null && e.getCause().getCause() instanceof NotOwnerException) {
                return false;
            }
            throw e;
        }
    }

    /** The lock notifications one client got, in order. */
    private static final class Events implements LockListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        Events(OvsdbClient client) {
            client.addLockListener(this);
        }

        @Override
        public void locked(String lockId) {
            seen.add("locked " + lockId);
        }

        @Override
        public void stolen(String lockId) {
            seen.add("stolen " + lockId);
        }
    }
}
